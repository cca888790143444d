using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>Every official example, imported and exported again, makes valid embargoed and public documents.</summary>
public sealed class ExampleRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Examples() => [.. Standards.Examples()];

    private static Advisory Imported(string name) => CsafImport.Read(Standards.Example(name)).ToAdvisory(Now, "import");

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_embargoed_export_is_valid(string name) =>
        Validity.Assert(CsafExport.Embargoed(Imported(name), [], Fixture.Publisher, Now));

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_public_export_is_valid(string name) =>
        Validity.Assert(CsafExport.Public(Imported(name), Fixture.Publisher, Now));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Exporting_what_was_imported_and_importing_it_again_keeps_it(string name)
    {
        var first = CsafImport.Read(Standards.Example(name));
        var again = CsafImport.Read(CsafExport.Embargoed(first.ToAdvisory(Now, "import"), [], Fixture.Publisher, Now));

        Assert.Equal(first.Reference, again.Reference);
        Assert.Equal(first.Title, again.Title);
        Assert.Equal(first.Details.Tlp, again.Details.Tlp);
        Assert.Equal(first.Details.Products, again.Details.Products);
        Assert.Equal(first.Details.References, again.Details.References);
        Assert.Equal(first.Details.Notes.Select(n => n.Text), again.Details.Notes.Select(n => n.Text));
        if (first.Details.Vulnerabilities.Count > 0)
        {
            Assert.Equal(first.CveIds, again.CveIds);
            Assert.Equal(first.Details.Vulnerabilities.SelectMany(v => v.Scores), again.Details.Vulnerabilities.SelectMany(v => v.Scores),
                new ScoreComparer());
            Assert.Equal(first.Details.Vulnerabilities.SelectMany(v => v.Remediations).Select(r => r.Details),
                again.Details.Vulnerabilities.SelectMany(v => v.Remediations).Select(r => r.Details));
        }
    }

    private sealed class ScoreComparer : IEqualityComparer<VulnerabilityScore>
    {
        public bool Equals(VulnerabilityScore? x, VulnerabilityScore? y) =>
            x?.Vector == y?.Vector && (x?.ProductIds ?? []).SequenceEqual(y?.ProductIds ?? []);

        public int GetHashCode(VulnerabilityScore obj) => obj.Vector.GetHashCode(StringComparison.Ordinal);
    }
}
