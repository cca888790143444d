using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>Tests 6.1.7 to 6.1.10 on CVSS objects: schema, computation and consistency with the vector.</summary>
public sealed class CvssValidationTests
{
    private static IReadOnlyList<CsafFailure> Failures(string property, string cvss) =>
        CsafValidator.Validate(TestDocuments.WithScore(property, cvss)).Failures;

    [Fact]
    public void Correct_base_temporal_and_environmental_scores_pass()
    {
        var failures = Failures("cvss_v3", """
            { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:L/IR:L/AR:L",
              "baseScore": 9.8, "baseSeverity": "CRITICAL", "temporalScore": 8.8, "temporalSeverity": "HIGH",
              "environmentalScore": 7.2, "environmentalSeverity": "HIGH" }
            """);

        Assert.Empty(failures);
    }

    [Fact]
    public void A_temporal_score_that_ignores_the_temporal_metrics_fails_6_1_9_at_that_score()
    {
        var failures = Failures("cvss_v3", """
            { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C",
              "baseScore": 9.8, "baseSeverity": "CRITICAL", "temporalScore": 9.8, "temporalSeverity": "CRITICAL" }
            """);

        Assert.Collection(failures,
            f => Assert.Equal(("6.1.9", "/vulnerabilities/0/scores/0/cvss_v3/temporalScore"), (f.Test, f.Pointer)),
            f => Assert.Equal(("6.1.9", "/vulnerabilities/0/scores/0/cvss_v3/temporalSeverity"), (f.Test, f.Pointer)));
        Assert.Contains("computes to 8.8", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("computes to HIGH", failures[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cvss_v2_environmental_scores_are_checked()
    {
        var good = Failures("cvss_v2", """
            { "version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H",
              "baseScore": 7.8, "temporalScore": 6.4, "environmentalScore": 9.2 }
            """);
        var bad = Failures("cvss_v2", """
            { "version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H",
              "baseScore": 7.8, "temporalScore": 6.4, "environmentalScore": 6.4 }
            """);

        Assert.Empty(good);
        var failure = Assert.Single(bad);
        Assert.Equal(("6.1.9", "/vulnerabilities/0/scores/0/cvss_v2/environmentalScore"), (failure.Test, failure.Pointer));
    }

    [Fact]
    public void An_invalid_vector_is_reported_once_by_6_1_8_and_not_scored()
    {
        var failures = Failures("cvss_v3", """
            { "version": "3.1", "vectorString": "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL" }
            """);

        var failure = Assert.Single(failures);
        Assert.Equal(("6.1.8", "/vulnerabilities/0/scores/0/cvss_v3/vectorString"), (failure.Test, failure.Pointer));
    }

    [Fact]
    public void A_property_not_defined_matches_a_metric_absent_from_the_vector_but_a_defined_one_does_not()
    {
        var notDefined = Failures("cvss_v3", """
            { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8,
              "baseSeverity": "CRITICAL", "attackVector": "NETWORK", "exploitCodeMaturity": "NOT_DEFINED" }
            """);
        var defined = Failures("cvss_v3", """
            { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8,
              "baseSeverity": "CRITICAL", "exploitCodeMaturity": "HIGH" }
            """);

        Assert.Empty(notDefined);
        var failure = Assert.Single(defined);
        Assert.Equal(("6.1.10", "/vulnerabilities/0/scores/0/cvss_v3/exploitCodeMaturity"), (failure.Test, failure.Pointer));
        Assert.Contains("E:X", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_v2_and_a_v3_score_for_the_same_product_are_allowed_but_two_v3_1_scores_are_not()
    {
        var document = TestDocuments.Base();
        document["vulnerabilities"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [ { "scores": [
              { "products": [ "CSAFPID-1" ], "cvss_v2": { "version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:C/I:C/A:C", "baseScore": 10.0 } },
              { "products": [ "CSAFPID-1" ], "cvss_v3": { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "baseScore": 10.0, "baseSeverity": "CRITICAL" } },
              { "products": [ "CSAFPID-1" ], "cvss_v3": { "version": "3.0", "vectorString": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "baseScore": 10.0, "baseSeverity": "CRITICAL" } },
              { "products": [ "CSAFPID-1" ], "cvss_v3": { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "baseScore": 10.0, "baseSeverity": "CRITICAL" } }
            ] } ]
            """);

        var failure = Assert.Single(CsafValidator.Validate(document).Failures);

        Assert.Equal(("6.1.7", "/vulnerabilities/0/scores/3/products/0"), (failure.Test, failure.Pointer));
    }
}
