using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Common;
using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Tests.Cvss;

/// <summary>
/// Base, temporal and environmental scores of CVSS v3.0 and v3.1 vectors. Base figures are FIRST's
/// (the v3.1 examples document) and the CSAF TC's test documents; the others are worked by hand.
/// </summary>
public sealed class CvssV3ScoresTests
{
    [Theory]
    // Base scores from FIRST's v3.1 examples (CVE-2014-6271, CVE-2013-1937); temporal and environmental
    // scores worked by hand from the specification's equations (section 7.2 and 7.3).
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C", 9.8, 8.8, 8.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:H/RL:W/RC:R", 6.1, 5.7, 5.7)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L", 9.8, 9.8, 8.0)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/MC:N/MI:N/MA:N", 10.0, 10.0, 0.0)]
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C", 6.1, 5.7, 5.7)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/MAV:L/MPR:H/MS:C", 8.8, 8.8, 8.3)]
    // The CSAF TC's valid examples for test 6.1.9 and its VEX examples (base scores).
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, 10.0, 10.0)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, 10.0, 10.0)]
    [InlineData("CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", 6.5, 6.5, 6.5)]
    public void Scores_match_firsts_figures(string vector, double baseScore, double temporal, double environmental)
    {
        var scores = CvssV3Scores.Parse(vector);

        Assert.True(baseScore == scores.BaseScore, $"base {scores.BaseScore}, expected {baseScore}");
        Assert.True(temporal == scores.TemporalScore, $"temporal {scores.TemporalScore}, expected {temporal}");
        Assert.True(environmental == scores.EnvironmentalScore,
            $"environmental {scores.EnvironmentalScore}, expected {environmental}");
    }

    [Fact]
    public void Severities_are_spelled_as_the_cvss_json_schema_spells_them()
    {
        var scores = CvssV3Scores.Parse("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H/E:U/MC:N/MI:N/MA:N");

        Assert.Equal("MEDIUM", scores.BaseSeverity);
        Assert.Equal("MEDIUM", scores.TemporalSeverity);
        Assert.Equal("NONE", scores.EnvironmentalSeverity);
        Assert.Equal("3.1", scores.Version);
        Assert.Equal("U", scores.Metrics["E"]);
    }

    [Fact]
    public void Version_3_0_rounds_up_with_a_plain_ceiling()
    {
        Assert.Equal(4.1, CvssV3Scores.RoundupV30(4.000001));
        Assert.Equal(4.0, CvssV3Scores.RoundupV30(4.0));
    }

    [Theory]
    [InlineData("CVSS:2.0/AV:N")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Q")]
    public void Malformed_vectors_are_refused(string vector)
    {
        Assert.Throws<DomainException>(() => CvssV3Scores.Parse(vector));
        Assert.False(CvssV3Scores.TryParse(vector, out _, out var error));
        Assert.NotEmpty(error);
    }

    private static readonly string[][] BaseChoices =
    [
        ["AV:N", "AV:A", "AV:L", "AV:P"], ["AC:L", "AC:H"], ["PR:N", "PR:L", "PR:H"], ["UI:N", "UI:R"],
        ["S:U", "S:C"], ["C:H", "C:L", "C:N"], ["I:H", "I:L", "I:N"], ["A:H", "A:L", "A:N"],
    ];

    private static Arbitrary<string> BaseVectors() =>
        BaseChoices
            .Aggregate(Gen.Constant("CVSS:3.1"), (vector, choices) =>
                from prefix in vector
                from metric in Gen.Elements(choices)
                select $"{prefix}/{metric}")
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Without_temporal_and_environmental_metrics_every_score_is_the_base_score_of_CvssV31() =>
        Prop.ForAll(BaseVectors(), vector =>
        {
            var scores = CvssV3Scores.Parse(vector);
            var baseOnly = CvssV31.Parse(vector);
            return scores.BaseScore == baseOnly.BaseScore
                && scores.TemporalScore == scores.BaseScore
                && scores.BaseSeverity == baseOnly.Severity.ToUpperInvariant();
        });

    [Property(MaxTest = 300)]
    public Property Temporal_metrics_never_raise_the_score() =>
        Prop.ForAll(BaseVectors(), Gen.Elements("E:U", "E:P", "E:F", "RL:O", "RL:T", "RC:U").ToArbitrary(),
            (vector, temporal) => CvssV3Scores.Parse($"{vector}/{temporal}").TemporalScore <= CvssV31.Parse(vector).BaseScore);
}
