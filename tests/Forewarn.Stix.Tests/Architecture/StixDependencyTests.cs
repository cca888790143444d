namespace Forewarn.Stix.Tests.Architecture;

/// <summary>The STIX library speaks the standard about the domain and nothing else, like Forewarn.Csaf (ADR 0005).</summary>
public sealed class StixDependencyTests
{
    [Fact]
    public void The_stix_library_references_only_the_domain_of_ours()
    {
        var names = typeof(StixMapping).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("Forewarn.Domain", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Forewarn.", StringComparison.Ordinal) && n != "Forewarn.Domain");
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
