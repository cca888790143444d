using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Stix.Tests.Schema;

namespace Forewarn.Stix.Tests.Mapping;

public sealed class MappingTests
{
    private static IEnumerable<JsonObject> OfType(StixObjectSet set, string type) => set.Entries.Where(e => e.Type == type).Select(e => e.Object);

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    [Fact]
    public void One_vulnerability_per_cve_with_its_cve_reference_and_a_report_referring_to_them()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234", "CVE-2026-5678");
        var set = Fixture.Map(advisory);
        var vulnerabilities = OfType(set, "vulnerability").ToList();
        Assert.Equal(["CVE-2026-1234", "CVE-2026-5678"], vulnerabilities.Select(v => (string)v["name"]!));
        Assert.Equal("cve", (string)vulnerabilities[0]["external_references"]![0]!["source_name"]!);
        Assert.Equal("CVE-2026-1234", (string)vulnerabilities[0]["external_references"]![0]!["external_id"]!);
        var report = Assert.Single(OfType(set, "report"));
        Assert.Equal(advisory.Title, (string)report["name"]!);
        Assert.Equal(advisory.Summary, (string)report["description"]!);
        Assert.Equal(["vulnerability"], Strings(report["report_types"]));
        Assert.Equal(vulnerabilities.Select(v => (string)v["id"]!), Strings(report["object_refs"]));
        Assert.Equal("FW-2026-0001", (string)report["external_references"]![0]!["external_id"]!);
        Assert.Equal("2026-03-16T09:30:15.123Z", (string)report["published"]!);
        Assert.All(set.Entries, e => Assert.Null(e.Artifact));
        Assert.All(set.Entries, e => StixSchemas.AssertValid(e.Object));
    }

    [Fact]
    public void Without_a_cve_the_vulnerability_is_named_by_the_advisory_reference()
    {
        var set = Fixture.Map(Fixture.Advisory());
        var v = Assert.Single(OfType(set, "vulnerability"));
        Assert.Equal("FW-2026-0001", (string)v["name"]!);
        StixSchemas.AssertValid(v);
    }

    [Fact]
    public void Every_object_names_the_programme_spec_2_1_and_one_tlp_marking()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var set = Fixture.Map(advisory, Fixture.Artifact(advisory, ContentClass.Notice, "Heads up.", TlpLabel.Green),
            Fixture.Artifact(advisory, ContentClass.Indicators, "ipv4,198.51.100.7", TlpLabel.Red));
        var identity = Assert.Single(OfType(set, "identity"));
        Assert.Equal(Fixture.Programme.Name, (string)identity["name"]!);
        foreach (var e in set.Entries)
        {
            Assert.Equal("2.1", (string)e.Object["spec_version"]!);
            Assert.Equal((string)identity["id"]!, (string)e.Object["created_by_ref"]!);
            var marking = Assert.Single(Strings(e.Object["object_marking_refs"]));
            var expected = e.Artifact is { } a
                ? set.Entries.Where(x => x.Artifact == a).Any(x => x.Type == "note") ? TlpLabel.Green : TlpLabel.Red
                : e.Type == "identity" ? TlpLabel.Clear : advisory.Tlp;
            Assert.Equal(TlpMarkings.IdOf(expected), marking);
        }
    }

    [Fact]
    public void Notices_and_descriptions_become_notes_about_the_vulnerabilities_and_the_report()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var description = Fixture.Artifact(advisory, ContentClass.Description, "The endpoint trusts the Referer header.", title: "Technical description");
        var set = Fixture.Map(advisory, description);
        var note = Assert.Single(set.Of(description.Artifact.Id));
        Assert.Equal("note", (string)note["type"]!);
        Assert.Equal("Technical description", (string)note["abstract"]!);
        Assert.Equal("The endpoint trusts the Referer header.", (string)note["content"]!);
        Assert.Equal(OfType(set, "vulnerability").Select(v => (string)v["id"]!).Append((string)OfType(set, "report").Single()["id"]!), Strings(note["object_refs"]));
        StixSchemas.AssertValid(note);
    }

    [Fact]
    public void A_mitigation_is_a_course_of_action_that_mitigates_each_vulnerability()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234", "CVE-2026-5678");
        var mitigation = Fixture.Artifact(advisory, ContentClass.Mitigation, "Block POST requests to ToolPane.aspx.", title: "Workaround");
        var objects = Fixture.Map(advisory, mitigation).Of(mitigation.Artifact.Id).ToList();
        var coa = Assert.Single(objects, o => (string)o["type"]! == "course-of-action");
        Assert.Equal("Workaround", (string)coa["name"]!);
        var relationships = objects.Where(o => (string)o["type"]! == "relationship").ToList();
        Assert.Equal(2, relationships.Count);
        Assert.All(relationships, r => Assert.Equal("mitigates", (string)r["relationship_type"]!));
        Assert.All(relationships, r => Assert.Equal((string)coa["id"]!, (string)r["source_ref"]!));
        Assert.All(objects, StixSchemas.AssertValid);
    }

    [Fact]
    public void A_text_poc_is_a_note_labelled_poc_and_a_binary_one_is_never_copied()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var text = Fixture.Artifact(advisory, ContentClass.Poc, "print('request shape')", TlpLabel.Red, "PoC");
        var binary = Fixture.Bytes(advisory, ContentClass.Poc, [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE, 0x00], TlpLabel.Red, "PoC archive", "application/zip");
        var set = Fixture.Map(advisory, text, binary);
        var textNote = Assert.Single(set.Of(text.Artifact.Id));
        Assert.Equal(["poc"], Strings(textNote["labels"]));
        Assert.Equal("print('request shape')", (string)textNote["content"]!);
        var binaryNote = Assert.Single(set.Of(binary.Artifact.Id));
        var content = (string)binaryNote["content"]!;
        Assert.Contains("available through the Forewarn API", content, StringComparison.Ordinal);
        Assert.Contains(binary.Artifact.Sha256, content, StringComparison.Ordinal);
        Assert.DoesNotContain("PK", content, StringComparison.Ordinal);
        Assert.All(set.Entries, e => StixSchemas.AssertValid(e.Object));
    }

    [Fact]
    public void A_fingerprinted_artifact_never_travels_as_text_but_its_exact_indicators_do()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        const string prose = "The endpoint trusts the Referer header. Look for POST requests from 203.0.113.45.";
        var description = Fixture.Artifact(advisory, ContentClass.Description, prose, title: "Technical description") with { Fingerprinted = true };
        var detection = Fixture.Artifact(advisory, ContentClass.Detection, prose, title: "Detection") with { Fingerprinted = true };
        var mitigation = Fixture.Artifact(advisory, ContentClass.Mitigation, prose, title: "Workaround") with { Fingerprinted = true };
        var set = Fixture.Map(advisory, description, detection, mitigation);
        Assert.All(set.Entries, e => Assert.DoesNotContain("trusts the Referer", e.Object.ToJsonString(), StringComparison.Ordinal));
        var note = Assert.Single(set.Of(description.Artifact.Id));
        Assert.Contains($"/api/v1/me/artifacts/{description.Artifact.Id}/content", (string)note["content"]!, StringComparison.Ordinal);
        Assert.Contains(set.Of(detection.Artifact.Id), o => (string)o["type"]! == "indicator" && ((string)o["pattern"]!).Contains("203.0.113.45", StringComparison.Ordinal));
        Assert.Contains("fingerprinted", (string)set.Of(mitigation.Artifact.Id).Single(o => (string)o["type"]! == "course-of-action")["description"]!, StringComparison.Ordinal);
        Assert.All(set.Entries, e => StixSchemas.AssertValid(e.Object));
    }

    [Fact]
    public void Indicator_text_without_any_pattern_becomes_a_note_not_an_indicator()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var vague = Fixture.Artifact(advisory, ContentClass.Indicators, "Look for unusual service restarts after midnight.");
        var objects = Fixture.Map(advisory, vague).Of(vague.Artifact.Id).ToList();
        Assert.Equal("note", (string)Assert.Single(objects)["type"]!);
    }

    [Fact]
    public void Indicators_carry_stix_patterns_valid_from_and_indicate_each_vulnerability()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var opens = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);
        var (artifact, content) = Artifact.Create(advisory, "IOCs", ContentClass.Indicators, TlpLabel.Amber, null, null,
            "ipv4,198.51.100.7,c2\nhttps://evil.example.net/drop.php"u8.ToArray(), Fixture.Created);
        var objects = Fixture.Map(advisory, new StixArtifact(artifact, content, opens)).Of(artifact.Id).ToList();
        var indicators = objects.Where(o => (string)o["type"]! == "indicator").ToList();
        Assert.Equal(["[ipv4-addr:value = '198.51.100.7']", "[url:value = 'https://evil.example.net/drop.php']"],
            indicators.Select(i => (string)i["pattern"]!));
        Assert.All(indicators, i => Assert.Equal("stix", (string)i["pattern_type"]!));
        Assert.All(indicators, i => Assert.Equal("2026-03-05T12:00:00.000Z", (string)i["valid_from"]!));
        Assert.Equal("IOCs: c2", (string)indicators[0]["description"]!);
        Assert.Equal(2, objects.Count(o => (string)o["type"]! == "relationship" && (string)o["relationship_type"]! == "indicates"));
        Assert.All(objects, StixSchemas.AssertValid);
    }

    [Fact]
    public void The_same_input_gives_the_same_objects_and_a_new_revision_keeps_the_ids()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var notice = Fixture.Artifact(advisory, ContentClass.Notice, "Heads up.");
        var first = Fixture.Map(advisory, notice);
        Assert.Equal(first.Entries.Select(e => e.Object.ToJsonString()), Fixture.Map(advisory, notice).Entries.Select(e => e.Object.ToJsonString()));
        advisory.Revise("A better title", advisory.Summary, advisory.CveIds, advisory.AffectedProducts, null, "Retitled", Fixture.Created.AddDays(1), "analyst");
        var second = Fixture.Map(advisory, notice);
        Assert.Equal(first.Entries.Select(e => e.Id), second.Entries.Select(e => e.Id));
        var report = second.Entries.Single(e => e.Type == "report").Object;
        Assert.Equal("2026-03-03T09:30:15.123Z", (string)report["modified"]!);
        Assert.Equal("2026-03-02T09:30:15.123Z", (string)report["created"]!);
    }

    [Fact]
    public void Visible_gives_the_advisory_the_entitled_artifacts_and_their_markings_only()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var green = Fixture.Artifact(advisory, ContentClass.Notice, "Heads up.", TlpLabel.Green);
        var red = Fixture.Artifact(advisory, ContentClass.Poc, "exploit()", TlpLabel.Red);
        var set = Fixture.Map(advisory, green, red);
        var visible = set.Visible(a => a == green.Artifact.Id);
        var ids = visible.Select(o => (string)o["id"]!).ToHashSet();
        Assert.DoesNotContain(set.Of(red.Artifact.Id).Single()["id"]!.ToString(), ids);
        Assert.Contains(set.Of(green.Artifact.Id).Single()["id"]!.ToString(), ids);
        Assert.Contains(TlpMarkings.IdOf(TlpLabel.Green), ids);
        Assert.DoesNotContain(TlpMarkings.IdOf(TlpLabel.Red), ids);
        var bundle = StixObjectSet.Bundle(visible);
        Assert.Equal("bundle", (string)bundle["type"]!);
        Assert.True(StixId.IsWellFormed((string)bundle["id"]!));
        Assert.All(bundle["objects"]!.AsArray(), o => StixSchemas.AssertValid(o!));
        Assert.Equal((string)bundle["id"]!, (string)StixObjectSet.Bundle(visible)["id"]!);
    }
}
