using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Csaf.Tests.Mapping;

public sealed class CsafImportTests
{
    private static JsonObject Minimal(string id = "ACME-2024-001", string tlp = "AMBER", string? distributionText = null)
    {
        var distribution = new JsonObject { ["tlp"] = new JsonObject { ["label"] = tlp } };
        if (distributionText is not null) distribution["text"] = distributionText;
        return new JsonObject
        {
            ["document"] = new JsonObject
            {
                ["category"] = "csaf_base",
                ["csaf_version"] = "2.0",
                ["distribution"] = distribution,
                ["title"] = "A title",
                ["tracking"] = new JsonObject { ["id"] = id, ["initial_release_date"] = "2024-01-02T03:04:05Z" },
            },
        };
    }

    [Theory]
    [InlineData("RHSA-2019:1862", "RHSA-2019-1862")]
    [InlineData("cisco-sa-20180328-smi2", "CISCO-SA-20180328-SMI2")]
    [InlineData("Example Company - 2019-YH3234", "EXAMPLE-COMPANY-2019-YH3234")]
    [InlineData("2022-EVD-UC-01-A-001", "CSAF-2022-EVD-UC-01-A-001")]
    [InlineData("ACME", "CSAF-ACME")]
    public void The_tracking_id_becomes_a_forewarn_reference(string id, string reference) =>
        Assert.Equal(reference, CsafImport.Read(Minimal(id)).Reference);

    [Theory]
    [InlineData("WHITE", null, TlpLabel.Clear)]
    [InlineData("GREEN", null, TlpLabel.Green)]
    [InlineData("AMBER", null, TlpLabel.Amber)]
    [InlineData("AMBER", "TLP:AMBER+STRICT — own organisation only", TlpLabel.AmberStrict)]
    [InlineData("RED", null, TlpLabel.Red)]
    public void The_label_is_read_back_into_tlp_2(string label, string? text, TlpLabel expected) =>
        Assert.Equal(expected, CsafImport.Read(Minimal(tlp: label, distributionText: text)).Details.Tlp);

    [Fact]
    public void A_document_without_a_label_is_amber()
    {
        var d = Minimal();
        d["document"]!.AsObject().Remove("distribution");

        Assert.Equal(TlpLabel.Amber, CsafImport.Read(d).Details.Tlp);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1, 2]")]
    [InlineData("""{"document": {"csaf_version": "1.2", "title": "t", "tracking": {"id": "X-1"}}}""")]
    [InlineData("""{"document": {"csaf_version": "2.0", "title": "t", "tracking": {}}}""")]
    [InlineData("""{"document": {"csaf_version": "2.0", "tracking": {"id": "X-1", "current_release_date": "2024-01-01T00:00:00Z"}}}""")]
    public void What_is_not_a_readable_csaf_2_document_is_refused(string json)
    {
        var e = Assert.Throws<DomainException>(() => CsafImport.Read(JsonNode.Parse(json)!));
        Assert.Equal("invalid-csaf", e.Code);
    }

    [Fact]
    public void Product_groups_are_expanded_and_cvss_v2_is_counted_as_not_held()
    {
        var d = Minimal();
        d["product_tree"] = JsonNode.Parse("""
            {"full_product_names": [{"product_id": "A", "name": "Alpha"}, {"product_id": "B", "name": "Beta"}],
             "product_groups": [{"group_id": "G", "product_ids": ["A", "B"]}]}
            """);
        d["vulnerabilities"] = JsonNode.Parse("""
            [{"cve": "CVE-2024-0001",
              "product_status": {"known_affected": ["A", "B"]},
              "remediations": [{"category": "workaround", "details": "Turn it off.", "group_ids": ["G"]}],
              "scores": [{"products": ["A"], "cvss_v2": {"version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:P/I:P/A:P", "baseScore": 7.5}},
                         {"products": ["B"], "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL"}}]}]
            """);

        var imported = CsafImport.Read(d);

        Assert.Equal(["A", "B"], imported.Details.Vulnerabilities[0].Remediations[0].ProductIds);
        Assert.Equal(["CVE-2024-0001"], imported.CveIds);
        Assert.Null(imported.CvssVector);
        Assert.Contains("1 CVSS v2 score: not held; Forewarn holds CVSS v3.x and v4.0 vectors.", imported.NotHeld);
        Assert.Contains(imported.NotHeld, s => s.StartsWith("1 product group:", StringComparison.Ordinal));
        Assert.Equal(9.8, imported.ToAdvisory(DateTimeOffset.UnixEpoch, "import").CvssScore);
    }

    [Fact]
    public void The_summary_is_the_summary_note_and_the_release_time_the_current_release_date()
    {
        var d = Minimal();
        d["document"]!["notes"] = JsonNode.Parse("""
            [{"category": "description", "text": "Described."}, {"category": "summary", "text": "Summed up."}]
            """);
        d["document"]!["tracking"]!["current_release_date"] = "2024-02-01T00:00:00Z";

        var imported = CsafImport.Read(d);

        Assert.Equal("Summed up.", imported.Summary);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), imported.ReleaseAt);
        Assert.Equal(2, imported.Details.Notes.Count);
    }
}
