using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>The profile tests of 6.1.27: which documents they apply to and how products are covered.</summary>
public sealed class ProfileValidationTests
{
    private static JsonObject Vex(string vulnerabilityJson)
    {
        var document = TestDocuments.Base();
        document["document"]!["category"] = "csaf_vex";
        document["product_tree"] = JsonNode.Parse("""
            {
              "full_product_names": [
                { "name": "A", "product_id": "CSAFPID-1" }, { "name": "B", "product_id": "CSAFPID-2" }, { "name": "C", "product_id": "CSAFPID-3" }
              ],
              "product_groups": [ { "group_id": "CSAFGID-1", "product_ids": [ "CSAFPID-1", "CSAFPID-2" ] } ]
            }
            """);
        var vulnerability = JsonNode.Parse(vulnerabilityJson)!.AsObject();
        vulnerability["cve"] = "CVE-2024-0001";
        vulnerability["notes"] = JsonNode.Parse("""[ { "category": "description", "text": "A flaw." } ]""");
        document["vulnerabilities"] = new JsonArray(vulnerability);
        return document;
    }

    [Fact]
    public void An_impact_statement_may_come_through_a_product_group_but_only_an_impact_threat_counts()
    {
        var document = Vex("""
            {
              "product_status": { "known_not_affected": [ "CSAFPID-1", "CSAFPID-2", "CSAFPID-3" ] },
              "threats": [
                { "category": "impact", "details": "The code is not there.", "group_ids": [ "CSAFGID-1" ] },
                { "category": "exploit_status", "details": "None known.", "product_ids": [ "CSAFPID-3" ] }
              ]
            }
            """);

        var failure = Assert.Single(CsafValidator.Validate(document).Failures);

        Assert.Equal(("6.1.27.9", "/vulnerabilities/0/product_status/known_not_affected/2"), (failure.Test, failure.Pointer));
        Assert.Contains("CSAFPID-3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vex_flag_is_an_impact_statement_too()
    {
        var document = Vex("""
            {
              "product_status": { "known_not_affected": [ "CSAFPID-3" ] },
              "flags": [ { "label": "component_not_present", "product_ids": [ "CSAFPID-3" ] } ]
            }
            """);

        Assert.True(CsafValidator.Validate(document).IsValid);
    }

    [Fact]
    public void Every_affected_product_of_a_vex_document_needs_an_action_statement()
    {
        var document = Vex("""
            {
              "product_status": { "known_affected": [ "CSAFPID-1", "CSAFPID-3" ] },
              "remediations": [ { "category": "vendor_fix", "details": "Update.", "group_ids": [ "CSAFGID-1" ] } ]
            }
            """);

        var failure = Assert.Single(CsafValidator.Validate(document).Failures);

        Assert.Equal(("6.1.27.10", "/vulnerabilities/0/product_status/known_affected/1"), (failure.Test, failure.Pointer));
    }

    [Fact]
    public void Profile_tests_do_not_apply_to_other_categories()
    {
        // A CSAF Base document may lack notes, references, vulnerabilities and statements.
        var document = Vex("""{ "product_status": { "known_affected": [ "CSAFPID-1" ] } }""");
        document["document"]!["category"] = "csaf_base";

        Assert.True(CsafValidator.Validate(document).IsValid);
    }

    [Fact]
    public void A_security_advisory_needs_vulnerabilities_with_notes_and_a_product_status()
    {
        var document = TestDocuments.Base();
        document["document"]!["category"] = "csaf_security_advisory";

        var withoutVulnerabilities = CsafValidator.Validate(document);
        document["vulnerabilities"] = JsonNode.Parse("""[ { "title": "A flaw" } ]""");
        var withBareVulnerability = CsafValidator.Validate(document);

        Assert.Equal(["6.1.27.11"], withoutVulnerabilities.FailedTests);
        Assert.Equal(["6.1.27.5", "6.1.27.6"], withBareVulnerability.FailedTests);
        Assert.All(withBareVulnerability.Failures, f => Assert.Equal("/vulnerabilities/0", f.Pointer));
    }

    [Fact]
    public void An_informational_advisory_needs_a_describing_note_and_an_external_reference_and_no_vulnerabilities()
    {
        var document = TestDocuments.Base();
        document["document"]!["category"] = "csaf_informational_advisory";
        document["document"]!["notes"] = JsonNode.Parse("""[ { "category": "summary", "text": "Read this." } ]""");
        document["document"]!["references"] = JsonNode.Parse("""[ { "category": "external", "summary": "More", "url": "https://example.com/more" } ]""");

        Assert.True(CsafValidator.Validate(document).IsValid);

        document["document"]!["notes"]![0]!["category"] = "legal_disclaimer";
        document["vulnerabilities"] = JsonNode.Parse("""[ { "title": "A flaw" } ]""");
        Assert.Equal(["6.1.27.1", "6.1.27.3"], CsafValidator.Validate(document).FailedTests);
    }
}
