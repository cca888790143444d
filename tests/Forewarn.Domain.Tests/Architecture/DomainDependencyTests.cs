using NetArchTest.Rules;

namespace Forewarn.Domain.Tests.Architecture;

/// <summary>
/// Dependencies point one way: Server/Cli → Storage → Domain, capability libraries → Domain. The domain references none of
/// ours and neither EF Core nor ASP.NET Core. Each check is paired with a control proving that the
/// same check does catch a dependency that exists.
/// </summary>
public sealed class DomainDependencyTests
{
    [Fact]
    public void The_domain_assembly_references_no_forbidden_assembly()
    {
        Assert.Empty(DependencyRules.ReferencedAssembliesMatching(DependencyRules.Domain, DependencyRules.ForbiddenInDomain));
    }

    [Fact]
    public void Control_the_reference_check_finds_references_that_exist()
    {
        var found = DependencyRules.ReferencedAssembliesMatching(DependencyRules.ThisTestAssembly, ["xunit", "Forewarn.Domain", "NetArchTest"]);

        Assert.Contains(found, n => n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Forewarn.Domain", found);
        Assert.Contains("NetArchTest.Rules", found);
    }

    [Fact]
    public void No_domain_type_depends_on_a_forbidden_namespace()
    {
        var result = Types.InAssembly(DependencyRules.Domain)
            .ShouldNot().HaveDependencyOnAny(DependencyRules.ForbiddenInDomain)
            .GetResult();

        Assert.True(result.IsSuccessful,
            "Domain types with forbidden dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Control_the_type_check_catches_dependencies_that_exist()
    {
        var onXunit = Types.InAssembly(DependencyRules.ThisTestAssembly)
            .ShouldNot().HaveDependencyOnAny("Xunit")
            .GetResult();
        Assert.False(onXunit.IsSuccessful);
        Assert.Contains(typeof(DomainDependencyTests).FullName, onXunit.FailingTypeNames);

        var onDomain = Types.InAssembly(DependencyRules.ThisTestAssembly)
            .ShouldNot().HaveDependencyOnAny("Forewarn.Domain.Partners")
            .GetResult();
        Assert.False(onDomain.IsSuccessful);
    }

    [Fact]
    public void The_check_sees_the_domain_types_at_all()
    {
        var types = Types.InAssembly(DependencyRules.Domain).GetTypes().Select(t => t.FullName).ToList();

        Assert.Contains("Forewarn.Domain.Policy.EntitlementPolicy", types);
        Assert.Contains("Forewarn.Domain.Partners.Partner", types);
    }
}
