using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency.Tests.Architecture;

/// <summary>
/// The log's machinery (tree maths, canonical entries, notes, proofs, audit) knows nothing of the
/// programme: it references no project of ours, no store and no web host, so an auditor's tool can
/// use it alone. The control proves the check sees references that exist.
/// </summary>
public sealed class TransparencyDependencyTests
{
    private static IReadOnlyList<string> Ours(System.Reflection.Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").Where(n => n.StartsWith("Forewarn.", StringComparison.Ordinal))];

    [Fact]
    public void The_transparency_library_references_nothing_of_ours()
    {
        var transparency = typeof(MerkleTree).Assembly;
        Assert.Empty(Ours(transparency));
        Assert.DoesNotContain(transparency.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_the_check_finds_references_that_exist()
    {
        Assert.Contains("Forewarn.Transparency", Ours(typeof(TransparencyDependencyTests).Assembly));
    }
}
