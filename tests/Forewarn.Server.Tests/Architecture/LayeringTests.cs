using System.Xml.Linq;

namespace Forewarn.Server.Tests.Architecture;

/// <summary>
/// Every project keeps to its row of <see cref="Layering"/>, both in what its compiled code uses
/// and in what its project file declares; every project of the solution has a row. The controls
/// show that the same checks do catch references that exist.
/// </summary>
public sealed class LayeringTests
{
    public static TheoryData<string> Projects => [.. Layering.Rules.Select(r => r.Project)];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_uses_only_what_its_layer_allows(string project)
    {
        Assert.Empty(Layering.Violations(Layering.Of(project), Layering.Used(project)));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_declares_only_what_its_layer_allows(string project)
    {
        Assert.Empty(Layering.Violations(Layering.Of(project), Layering.Declared(project)));
    }

    [Fact]
    public void Every_project_of_the_solution_has_a_rule()
    {
        Assert.Equal(Layering.SolutionProjects().Order(), Layering.Rules.Select(r => r.Project).Order());
    }

    [Fact]
    public void Control_the_check_sees_the_references_that_exist()
    {
        // The server uses the store, the libraries and ASP.NET Core; held to the domain's rule it breaks it on each.
        var server = Layering.Violations(Layering.Of("Forewarn.Domain"), Layering.Used("Forewarn.Server"));
        Assert.Contains("Forewarn.Storage", server);
        Assert.Contains("Forewarn.Tracing", server);
        Assert.Contains(server, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        // The store uses EF Core and the log's library: held to the CLI's rule it breaks it on both.
        var storage = Layering.Violations(Layering.Of("Forewarn.Cli"), Layering.Used("Forewarn.Storage"));
        Assert.Contains(storage, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Forewarn.Transparency", storage); // the CLI may use the log's library
        Assert.Contains("Forewarn.Domain", Layering.Used("Forewarn.Storage"));

        // The CLI's assembly is called "forewarn": a reference to it is still seen, by its project's name.
        Assert.Contains("Forewarn.Cli", Layering.Violations(Layering.Of("Forewarn.Server"), Layering.UsedBy(typeof(LayeringTests).Assembly)));
    }

    [Fact]
    public void Control_the_project_file_check_sees_declared_references()
    {
        var project = XDocument.Parse("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\Forewarn.Domain\Forewarn.Domain.csproj" />
                <ProjectReference Include="..\Forewarn.Storage\Forewarn.Storage.csproj" />
                <PackageReference Include="Microsoft.AspNetCore.OpenApi" />
                <PackageReference Include="Spectre.Console" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(["Forewarn.Storage", "Microsoft.AspNetCore.OpenApi"], Layering.Violations(Layering.Of("Forewarn.Tracing"), Layering.Declared(project)));
        Assert.Contains("Forewarn.Transparency", Layering.Declared("Forewarn.Storage"));
    }
}
