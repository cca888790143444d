using Forewarn.Domain.Common;
using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Tests.Cvss;

/// <summary>
/// CVSS v2 scores of the three worked examples of FIRST's "A Complete Guide to the Common
/// Vulnerability Scoring System Version 2.0", section 3.3 (CVE-2002-0392, CVE-2003-0818, CVE-2003-0062).
/// </summary>
public sealed class CvssV2Tests
{
    [Theory]
    [InlineData("CVE-2002-0392", "AV:N/AC:L/Au:N/C:N/I:N/A:C", "E:F/RL:OF/RC:C", "CDP:H/TD:H/CR:M/IR:M/AR:H", 7.8, 6.4, 9.2)]
    [InlineData("CVE-2003-0818", "AV:N/AC:L/Au:N/C:C/I:C/A:C", "E:F/RL:OF/RC:C", "CDP:H/TD:H/CR:M/IR:M/AR:L", 10.0, 8.3, 9.0)]
    [InlineData("CVE-2003-0062", "AV:L/AC:H/Au:N/C:C/I:C/A:C", "E:POC/RL:OF/RC:C", "CDP:H/TD:H/CR:M/IR:M/AR:M", 6.2, 4.9, 7.5)]
    public void Scores_match_the_guides_examples(
        string cve, string baseMetrics, string temporalMetrics, string environmentalMetrics,
        double baseScore, double temporalScore, double environmentalScore)
    {
        var cvss = CvssV2.Parse($"{baseMetrics}/{temporalMetrics}/{environmentalMetrics}");

        Assert.True(baseScore == cvss.BaseScore, $"{cve}: base {cvss.BaseScore}, expected {baseScore}");
        Assert.True(temporalScore == cvss.TemporalScore, $"{cve}: temporal {cvss.TemporalScore}, expected {temporalScore}");
        Assert.True(environmentalScore == cvss.EnvironmentalScore,
            $"{cve}: environmental {cvss.EnvironmentalScore}, expected {environmentalScore}");
    }

    [Fact]
    public void Without_temporal_and_environmental_metrics_all_three_scores_are_the_base_score()
    {
        var cvss = CvssV2.Parse("AV:N/AC:L/Au:N/C:C/I:C/A:C");

        Assert.Equal(10.0, cvss.BaseScore);
        Assert.Equal(10.0, cvss.TemporalScore);
        Assert.Equal(10.0, cvss.EnvironmentalScore);
    }

    [Fact]
    public void No_impact_scores_zero()
    {
        Assert.Equal(0.0, CvssV2.Parse("AV:N/AC:L/Au:N/C:N/I:N/A:N").BaseScore);
    }

    [Fact]
    public void Not_defined_metrics_change_nothing()
    {
        var plain = CvssV2.Parse("AV:L/AC:L/Au:M/C:C/I:C/A:C");
        var explicitNd = CvssV2.Parse("AV:L/AC:L/Au:M/C:C/I:C/A:C/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND");

        Assert.Equal(plain.BaseScore, explicitNd.BaseScore);
        Assert.Equal(plain.TemporalScore, explicitNd.TemporalScore);
        Assert.Equal(plain.EnvironmentalScore, explicitNd.EnvironmentalScore);
        Assert.Equal("C", explicitNd.Metrics["A"]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C", "A are missing")]
    [InlineData("AV:X/AC:L/Au:N/C:C/I:C/A:C", "'X' is not a value of AV")]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C/PR:N", "'PR' is not a CVSS v2 metric")]
    [InlineData("AV:N/AV:N/AC:L/Au:N/C:C/I:C/A:C", "AV appears more than once")]
    [InlineData("CVSS:3.1/AV:N", "'CVSS' is not a CVSS v2 metric")]
    public void Malformed_vectors_are_refused_with_a_reason(string vector, string reason)
    {
        var error = Assert.Throws<DomainException>(() => CvssV2.Parse(vector));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(CvssV2.TryParse(vector, out _, out var message));
        Assert.Equal(error.Message, message);
    }
}
