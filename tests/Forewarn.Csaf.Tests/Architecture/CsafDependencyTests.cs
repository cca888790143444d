namespace Forewarn.Csaf.Tests.Architecture;

/// <summary>
/// The CSAF library speaks the standard about the domain and nothing else: no store, no web
/// host, no command line (ADR 0005). The control proves the check sees references that exist.
/// </summary>
public sealed class CsafDependencyTests
{
    private static readonly string[] Forbidden =
        ["Forewarn.Storage", "Forewarn.Server", "Forewarn.Cli", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    private static IReadOnlyList<string> Matching(System.Reflection.Assembly assembly, IEnumerable<string> prefixes) =>
    [
        .. assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(n => prefixes.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase))),
    ];

    [Fact]
    public void The_csaf_library_references_only_the_domain_of_ours()
    {
        var csaf = typeof(Forewarn.Csaf.Mapping.CsafExport).Assembly;
        Assert.Empty(Matching(csaf, Forbidden));
        Assert.Contains("Forewarn.Domain", Matching(csaf, ["Forewarn."]));
    }

    [Fact]
    public void Control_the_check_finds_references_that_exist()
    {
        var found = Matching(typeof(CsafDependencyTests).Assembly, ["xunit", "Forewarn.Csaf"]);
        Assert.Contains("Forewarn.Csaf", found);
        Assert.Contains(found, n => n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
    }
}
