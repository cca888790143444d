using System.Globalization;
using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Tests.Cvss;

/// <summary>
/// Base scores from FIRST's "CVSS v3.1 Examples" document (revision 2). CVE-2013-1937 is from the
/// v3.0 examples (the v3.1 document dropped it); the base equations are the same for it.
/// Two figures differ from older lists on purpose: FIRST's v3.1 document scores CVE-2012-0384
/// with PR:H (7.2, "captive admin"), and CVE-2013-6014 as C:H/I:N/A:H (9.3).
/// </summary>
public sealed class FirstExamplesTests
{
    [Theory]
    [InlineData("CVE-2013-1937", "AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "6.1", "Medium")]
    [InlineData("CVE-2013-0375", "AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", "6.4", "Medium")]
    [InlineData("CVE-2014-3566", "AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", "3.1", "Low")]
    [InlineData("CVE-2012-1516", "AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", "9.9", "Critical")]
    [InlineData("CVE-2009-0783", "AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", "4.2", "Medium")]
    [InlineData("CVE-2012-0384", "AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", "7.2", "High")]
    [InlineData("CVE-2015-1098", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", "7.8", "High")]
    [InlineData("CVE-2014-0160", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "7.5", "High")]
    [InlineData("CVE-2014-6271", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8", "Critical")]
    [InlineData("CVE-2008-1447", "AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", "6.8", "Medium")]
    [InlineData("CVE-2014-2005", "AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "6.8", "Medium")]
    [InlineData("CVE-2010-0467", "AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", "5.8", "Medium")]
    [InlineData("CVE-2012-1342", "AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N", "5.8", "Medium")]
    [InlineData("CVE-2013-6014", "AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", "9.3", "Critical")]
    [InlineData("CVE-2019-7551", "AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H", "9.0", "Critical")]
    [InlineData("CVE-2009-0658", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", "7.8", "High")]
    [InlineData("CVE-2011-1265", "AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "8.8", "High")]
    [InlineData("CVE-2014-2019", "AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", "4.6", "Medium")]
    [InlineData("CVE-2016-0128", "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", "6.8", "Medium")]
    [InlineData("CVE-2016-2118", "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", "7.5", "High")]
    [InlineData("CVE-2017-5942", "AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "6.1", "Medium")]
    [InlineData("CVE-2018-18913", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", "7.8", "High")]
    [InlineData("CVE-2016-5558", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:L", "8.6", "High")]
    [InlineData("CVE-2016-5729", "AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", "8.2", "High")]
    [InlineData("CVE-2015-2890", "AV:L/AC:L/PR:H/UI:N/S:U/C:N/I:H/A:H", "6.0", "Medium")]
    [InlineData("CVE-2018-3652", "AV:P/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "7.6", "High")]
    [InlineData("CVE-2019-0884 (IE)", "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", "7.5", "High")]
    [InlineData("CVE-2019-0884 (Edge)", "AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N", "4.2", "Medium")]
    public void Base_scores_match_firsts_examples(string cve, string metrics, string score, string severity)
    {
        var cvss = CvssV31.Parse("CVSS:3.1/" + metrics);

        Assert.True(double.Parse(score, CultureInfo.InvariantCulture) == cvss.BaseScore, $"{cve}: expected {score}, got {cvss.BaseScore}");
        Assert.Equal(severity, cvss.Severity);
        Assert.Equal("3.1", cvss.Version);
        Assert.Equal("CVSS:3.1/" + metrics, cvss.Vector);
    }

    [Fact]
    public void The_pr_value_of_cve_2012_0384_matters_pr_low_scores_8_8()
    {
        // The v3.0 examples scored CVE-2012-0384 with PR:L; that vector is 8.8.
        Assert.Equal(8.8, CvssV31.Parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H").BaseScore);
        // CVE-2013-6014's impact on the vulnerable component alone (I:H) would be only 7.4.
        Assert.Equal(7.4, CvssV31.Parse("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:N/I:H/A:N").BaseScore);
    }

    [Fact]
    public void Metrics_may_come_in_any_order_and_temporal_metrics_do_not_change_the_base_score()
    {
        var preferred = CvssV31.Parse("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N");
        var shuffled = CvssV31.Parse("CVSS:3.1/S:U/AV:N/C:L/I:L/AC:L/A:N/PR:H/UI:N/E:F/RL:X");

        Assert.Equal(3.8, preferred.BaseScore);
        Assert.Equal(preferred.BaseScore, shuffled.BaseScore);
    }

    [Fact]
    public void No_impact_scores_zero_and_reads_none()
    {
        var cvss = CvssV31.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N");

        Assert.Equal(0.0, cvss.BaseScore);
        Assert.Equal("None", cvss.Severity);
        Assert.Equal("0.0 None (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N)", cvss.ToString());
    }

    [Fact]
    public void Version_3_0_vectors_are_accepted_and_keep_their_version()
    {
        var cvss = CvssV31.Parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");

        Assert.Equal("3.0", cvss.Version);
        Assert.Equal(9.8, cvss.BaseScore);
    }
}
