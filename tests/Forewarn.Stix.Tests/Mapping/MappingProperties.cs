using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Advisories;
using Forewarn.Stix.Tests.Schema;

namespace Forewarn.Stix.Tests.Mapping;

/// <summary>
/// Random advisories, artifacts and texts: every object is valid STIX 2.1, names the programme and
/// carries exactly the TLP marking of what it came from.
/// </summary>
public sealed class MappingProperties
{
    private static readonly string[] Fragments =
    [
        "Detection guidance", "203.0.113.45", "2001:db8::7", "https://evil.example.net/x?a='1'", "c2.example.org",
        "sha256," + new string('e', 64), "md5 " + new string('1', 32), @"file-path,C:\Temp\it's.dll", "filename: a'b\\c.exe",
        "rule Web_Shell { condition: true }", "title: t\ndetection:\n  condition: x", "alert tcp any any -> any 80 (msg:\"m\"; sid:1;)",
        "plain words only", "  ", "ümlaut ✓", "\t", "1.2.3.4.5", "ASP.NET on w3wp.exe",
    ];

    private static Gen<string> Texts() =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Join("\n", parts)).Where(t => t.Length > 0);

    public sealed record Case(string[] Cves, TlpLabel AdvisoryTlp, (ContentClass Class, TlpLabel Tlp, string Text, bool Binary)[] Artifacts);

    public static Arbitrary<Case> Cases() => Arb.From(
        from cves in Gen.Choose(1000, 99999).Select(n => $"CVE-2026-{n}").ListOf().Select(l => l.Distinct().Take(3).ToArray())
        from tlp in Gen.Elements(TlpMarkings.Labels.ToArray())
        from artifacts in (from cls in Gen.Elements(ContentClasses.All.ToArray())
                           from label in Gen.Elements(TlpMarkings.Labels.ToArray())
                           from text in Texts()
                           from binary in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
                           select (cls, label, text, binary)).ListOf().Select(l => l.Take(5).ToArray())
        select new Case(cves, tlp, artifacts));

    [Property(Arbitrary = [typeof(MappingProperties)], MaxTest = 60)]
    public void Every_object_is_valid_names_the_programme_and_carries_its_own_label(Case c)
    {
        var advisory = Fixture.Advisory(c.Cves);
        advisory.Describe(AdvisoryDetails.Empty with { Tlp = c.AdvisoryTlp }, "label", Fixture.Created, "analyst");
        var inputs = c.Artifacts.Select(a => a.Binary
            ? Fixture.Bytes(advisory, a.Class, [0, 1, 2, 0xFF, .. Encoding.UTF8.GetBytes(a.Text)], a.Tlp, mediaType: "application/octet-stream")
            : Fixture.Artifact(advisory, a.Class, a.Text, a.Tlp)).ToList();
        var set = StixMapping.Map(advisory, inputs, Fixture.Programme);
        var identity = Fixture.Programme.IdentityId;
        Assert.Equal(set.Entries.Count, set.Entries.Select(e => e.Id).Distinct().Count());
        foreach (var e in set.Entries)
        {
            StixSchemas.AssertValid(e.Object);
            Assert.Equal(identity, (string)e.Object["created_by_ref"]!);
            var expected = e.Artifact is { } a ? inputs.Single(i => i.Artifact.Id == a).Artifact.Tlp
                : e.Type == "identity" ? TlpLabel.Clear : c.AdvisoryTlp;
            Assert.Equal([TlpMarkings.IdOf(expected)], e.Object["object_marking_refs"]!.AsArray().Select(n => (string)n!));
        }
        Assert.All(inputs, i => Assert.NotEmpty(set.Of(i.Artifact.Id)));
        // Binary bytes are never copied into STIX.
        Assert.All(inputs.Where(i => i.Content.Bytes[0] == 0), i =>
            Assert.All(set.Of(i.Artifact.Id), o => Assert.DoesNotContain("\u0001", o.ToJsonString(), StringComparison.Ordinal)));
    }
}
