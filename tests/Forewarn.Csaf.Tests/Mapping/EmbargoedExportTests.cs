using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;
using static Forewarn.Csaf.Tests.Mapping.Fixture;

namespace Forewarn.Csaf.Tests.Mapping;

public sealed class EmbargoedExportTests
{
    private static JsonNode Tracking(JsonObject d) => d["document"]!["tracking"]!;

    [Fact]
    public void A_draft_exports_as_a_valid_draft_document()
    {
        var d = CsafExport.Embargoed(Draft(), [], Publisher, Now);

        Validity.Assert(d);
        Assert.Equal("draft", (string?)Tracking(d)["status"]);
        Assert.Equal("1", (string?)Tracking(d)["version"]);
        Assert.Equal("csaf_security_advisory", (string?)d["document"]!["category"]);
        Assert.Equal("FW-2026-0007", (string?)Tracking(d)["id"]);
        Assert.Equal("Forewarn", (string?)Tracking(d)["generator"]!["engine"]!["name"]);
    }

    [Fact]
    public void A_scheduled_advisory_is_interim_and_its_history_holds_revisions_and_the_waves_gone_out()
    {
        var a = Draft();
        a.Schedule(Now.AddHours(1), "staff");
        var first = Wave(a, [], WaveKind.Initial, Now.AddDays(1), Now.AddHours(1));
        var second = Wave(a, [first], WaveKind.Update, Now.AddDays(5), Now.AddHours(2));
        a.Revise(a.Title, "Now with a workaround.", a.CveIds, a.AffectedProducts, a.CvssVector, "Workaround added", Now.AddDays(2), "staff");

        var d = CsafExport.Embargoed(a, [first, second], Publisher, Now.AddDays(3));

        Validity.Assert(d);
        Assert.Equal("interim", (string?)Tracking(d)["status"]);
        var history = ((JsonArray)Tracking(d)["revision_history"]!).Select(r => ((string)r!["number"]!, (string)r["summary"]!)).ToList();
        Assert.Equal(["1", "2", "3", "4"], history.Select(h => h.Item1));
        Assert.Equal("Initial draft", history[0].Item2);
        Assert.StartsWith("Scheduled for release", history[1].Item2, StringComparison.Ordinal);
        Assert.StartsWith("Wave 1: first notification", history[2].Item2, StringComparison.Ordinal);
        Assert.Equal("Workaround added", history[3].Item2);
        Assert.Equal("4", (string?)Tracking(d)["version"]);
        Assert.Equal((string?)((JsonArray)Tracking(d)["revision_history"]!)[0]!["date"], (string?)Tracking(d)["initial_release_date"]);
        Assert.Equal((string?)((JsonArray)Tracking(d)["revision_history"]!)[3]!["date"], (string?)Tracking(d)["current_release_date"]);
        Assert.Contains("Embargoed until", (string?)d["document"]!["distribution"]!["text"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TlpLabel.Clear, "WHITE")]
    [InlineData(TlpLabel.Green, "GREEN")]
    [InlineData(TlpLabel.Amber, "AMBER")]
    [InlineData(TlpLabel.AmberStrict, "AMBER")]
    [InlineData(TlpLabel.Red, "RED")]
    public void The_label_maps_to_csaf_tlp_v1(TlpLabel label, string csaf)
    {
        var d = CsafExport.Embargoed(Draft(details: AdvisoryDetails.Empty with { Tlp = label }), [], Publisher, Now);

        Validity.Assert(d);
        Assert.Equal(csaf, (string?)d["document"]!["distribution"]!["tlp"]!["label"]);
        Assert.Equal("https://www.first.org/tlp/", (string?)d["document"]!["distribution"]!["tlp"]!["url"]);
        var text = (string?)d["document"]!["distribution"]!["text"] ?? "";
        Assert.Equal(label == TlpLabel.AmberStrict, text.Contains("TLP:AMBER+STRICT", StringComparison.Ordinal));
    }

    [Fact]
    public void Amber_strict_comes_back_as_amber_strict()
    {
        var d = CsafExport.Embargoed(Draft(details: AdvisoryDetails.Empty with { Tlp = TlpLabel.AmberStrict }), [], Publisher, Now);

        Assert.Contains("only within their own organisation", (string?)d["document"]!["distribution"]!["text"], StringComparison.Ordinal);
        Assert.Equal(TlpLabel.AmberStrict, CsafImport.Read(d).Details.Tlp);
    }

    [Fact]
    public void Without_structured_vulnerabilities_one_is_made_per_cve_with_every_product_affected_and_the_headline_score()
    {
        var d = CsafExport.Embargoed(Draft(cves: ["CVE-2026-1001", "CVE-2026-1002"]), [], Publisher, Now);

        Validity.Assert(d);
        var vulnerabilities = ((JsonArray)d["vulnerabilities"]!).Select(v => v!).ToList();
        Assert.Equal(["CVE-2026-1001", "CVE-2026-1002"], vulnerabilities.Select(v => (string)v["cve"]!));
        foreach (var v in vulnerabilities)
        {
            Assert.Equal(["FWPID-1", "FWPID-2"], ((JsonArray)v["product_status"]!["known_affected"]!).Select(n => (string)n!));
            var cvss = v["scores"]![0]!["cvss_v3"]!;
            Assert.Equal(V31, (string?)cvss["vectorString"]);
            Assert.Equal(9.8, (double)cvss["baseScore"]!);
            Assert.Equal("CRITICAL", (string?)cvss["baseSeverity"]);
            Assert.Equal("3.1", (string?)cvss["version"]);
            Assert.Equal("A crafted request runs code as root.", (string?)v["notes"]![0]!["text"]);
        }
    }

    [Fact]
    public void A_cvss_v4_vector_is_stated_in_a_note_not_a_score()
    {
        var d = CsafExport.Embargoed(Draft(vector: V40), [], Publisher, Now);

        Validity.Assert(d);
        var v = d["vulnerabilities"]![0]!;
        Assert.Null(v["scores"]);
        Assert.Contains(((JsonArray)v["notes"]!).Select(n => (string)n!["text"]!),
            t => t.StartsWith($"CVSS v4.0: {V40} (", StringComparison.Ordinal) && t.Contains("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public void An_advisory_without_products_cves_or_score_still_makes_a_valid_security_advisory()
    {
        var a = Advisory.Create("FW-2026-0008", "Weakness under analysis", null, [], [], null, Now.AddDays(3), Now, "staff");

        var d = CsafExport.Embargoed(a, [], Publisher, Now);

        Validity.Assert(d);
        Assert.Equal(CsafProducts.UnnamedId, (string?)d["product_tree"]!["full_product_names"]![0]!["product_id"]);
        Assert.Single((JsonArray)d["vulnerabilities"]!);
    }

    [Fact]
    public void Structured_vulnerabilities_carry_cwe_notes_statuses_scores_and_remediations()
    {
        var details = new AdvisoryDetails(TlpLabel.Green,
            [new AdvisoryNote("general", "Background", "Found in fuzzing.")],
            [new AdvisoryReference("https://example.com/fw-2026-0007", "Vendor page", "external")],
            [new Product("P1", "Router 4.2", "cpe:2.3:h:example:router:4.2:*:*:*:*:*:*:*", null), new Product("P2", "Router 4.3", null, "pkg:generic/router@4.3")],
            [new Vulnerability("CVE-2026-1001", "Overflow", "CWE-787", "Out-of-bounds Write",
                [new AdvisoryNote("description", null, "A long header overflows a buffer.")],
                [new ProductStatus("known_affected", ["P1"]), new ProductStatus("fixed", ["P2"])],
                [new VulnerabilityScore(V31, ["P1"]), new VulnerabilityScore(V40, ["P1"])],
                [new Remediation("vendor_fix", "Update to 4.3.", "https://example.com/download", ["P1"], Now)],
                Now.AddDays(-10), null)]);

        var d = CsafExport.Embargoed(Draft(vector: null, details: details), [], Publisher, Now);

        Validity.Assert(d);
        var v = d["vulnerabilities"]![0]!;
        Assert.Equal("CWE-787", (string?)v["cwe"]!["id"]);
        Assert.Equal("P2", (string?)v["product_status"]!["fixed"]![0]);
        Assert.Single((JsonArray)v["scores"]!);
        Assert.Equal(2, ((JsonArray)v["notes"]!).Count);
        Assert.Equal("vendor_fix", (string?)v["remediations"]![0]!["category"]);
        Assert.Equal("https://example.com/download", (string?)v["remediations"]![0]!["url"]);
        Assert.Equal("cpe:2.3:h:example:router:4.2:*:*:*:*:*:*:*",
            (string?)d["product_tree"]!["full_product_names"]![0]!["product_identification_helper"]!["cpe"]);
        Assert.Equal("Found in fuzzing.", (string?)d["document"]!["notes"]![1]!["text"]);
    }

    [Fact]
    public void The_bytes_are_indented_utf8_without_bom_and_the_same_each_time()
    {
        var a = Draft();
        var first = CsafExport.Bytes(CsafExport.Embargoed(a, [], Publisher, Now));
        var second = CsafExport.Bytes(CsafExport.Embargoed(a, [], Publisher, Now));

        Assert.Equal(first, second);
        Assert.NotEqual(0xEF, first[0]);
        var text = Encoding.UTF8.GetString(first);
        Assert.StartsWith("{\n  \"document\": {", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), CsafExport.Embargoed(a, [], Publisher, Now)));
    }
}
