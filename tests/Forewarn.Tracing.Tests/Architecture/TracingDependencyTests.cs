using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Tests.Architecture;

/// <summary>
/// Fingerprinting is one library over the domain at most: no store, no web host, no other
/// capability. The control proves the check sees references that exist.
/// </summary>
public sealed class TracingDependencyTests
{
    private static IReadOnlyList<string> Ours(System.Reflection.Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").Where(n => n.StartsWith("Forewarn.", StringComparison.Ordinal))];

    [Fact]
    public void The_tracing_library_references_only_the_domain_of_ours()
    {
        var tracing = typeof(TardosCode).Assembly;
        Assert.All(Ours(tracing), n => Assert.Equal("Forewarn.Domain", n));
        Assert.DoesNotContain(tracing.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_the_check_finds_references_that_exist()
    {
        Assert.Contains("Forewarn.Tracing", Ours(typeof(TracingDependencyTests).Assembly));
    }
}
