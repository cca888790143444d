using System.Globalization;
using Forewarn.Domain.Cvss;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Cvss;

/// <summary>
/// CVSS v4.0 scores against published data:
/// <list type="bullet">
/// <item>FIRST's "CVSS v4.0 Examples" document (first.org/cvss/v4.0/examples);</item>
/// <item>FIRST's calculator validation set, FIRSTdotorg/cvss-resources, vectorFiles/reference-scores,
/// generated with the reference calculator (RedHatProductSecurity/cvss-v4-calculator, cvss40.js, after
/// its 2024-11-01 rounding fix, pull request #67);</item>
/// <item>vectors from the reference implementations' rounding bug reports
/// (RedHatProductSecurity/cvss-v4-calculator issues #48 and #66, RedHatProductSecurity/cvss issues #60 and #63),
/// with the scores those fixes settled on.</item>
/// </list>
/// </summary>
public sealed class CvssV40Tests
{
    [Theory]
    // FIRST CVSS v4.0 examples (two of them are listed there with metrics out of order; here in the
    // specification's order, which does not change the score).
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "7.3", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "7.7", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", "5.2", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N", "8.3", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/CR:H/IR:L/AR:L/MAV:N/MAC:H/MVC:H/MVI:L/MVA:L", "8.1", "High")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", "4.6", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", "5.1", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", "6.9", "Medium")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N", "5.9", "Medium")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", "9.4", "Critical")]
    [InlineData("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:H/SA:N/S:P/V:D", "8.3", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/E:A", "8.7", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A", "10.0", "Critical")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A", "9.3", "Critical")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:H", "6.4", "Medium")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/R:I", "9.3", "Critical")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/R:I", "8.7", "High")]
    [InlineData("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", "8.6", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "7.1", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "8.2", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:L", "8.7", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:L/E:U", "6.6", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", "5.1", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "7.7", "High")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", "8.3", "High")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:U", "5.6", "Medium")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "8.5", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A", "9.2", "Critical")]
    [InlineData("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "5.4", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "8.7", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "6.9", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "9.3", "Critical")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:L/SA:N", "6.9", "Medium")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P", "8.5", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:P/AU:Y/V:C/RE:L", "9.4", "Critical")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:L/IR:H/AR:L/MAV:L/MAC:H/MAT:N/MPR:N/MUI:N/MVC:N/MVI:H/MVA:L/MSC:N/MSI:S/MSA:L", "7.0", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:L/IR:H/AR:H/MAV:A/MAC:H/MAT:N/MPR:L/MUI:N/MVC:L/MVI:H/MVA:H/MSC:L/MSI:S/MSA:S", "7.4", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:M/IR:H/AR:M/MAV:N/MAC:H/MAT:N/MPR:L/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:H", "8.7", "High")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/S:P", "8.6", "High")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S/S:P", "9.7", "Critical")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/V:C", "8.7", "High")]
    public void Scores_match_firsts_v4_examples(string vector, string score, string severity) =>
        AssertScore(vector, score, severity);

    [Theory]
    // FIRSTdotorg/cvss-resources, vectorFiles/reference-scores: highest-severity vectors of MacroVectors.
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:H/IR:H/AR:H/MSI:S/MSA:S", "9.8", "Critical")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:H/IR:H/AR:H", "9.1", "Critical")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H", "8.1", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H", "7.2", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:M/IR:M/AR:M", "6.8", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:M/IR:M/AR:M/MSI:S/MSA:S", "8.5", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H", "5.0", "Medium")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:H/SC:L/SI:L/SA:L/E:U/CR:M/IR:H/AR:M", "3.0", "Low")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H", "2.7", "Low")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H", "1.7", "Low")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:H/IR:H/AR:H", "6.1", "Medium")]
    // The same file: full Base-Threat-Environmental-Supplemental vectors, X values included.
    [InlineData("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:A/VC:L/VI:H/VA:N/SC:H/SI:L/SA:H/E:X/CR:H/IR:H/AR:X/MAV:N/MAC:X/MAT:P/MPR:L/MUI:P/MVC:N/MVI:N/MVA:H/MSC:N/MSI:X/MSA:N/S:P/AU:Y/R:I/V:C/RE:H/U:Clear", "5.9", "Medium")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:A/VC:L/VI:N/VA:L/SC:L/SI:L/SA:N/E:U/CR:H/IR:X/AR:H/MAV:L/MAC:L/MAT:X/MPR:L/MUI:X/MVC:X/MVI:X/MVA:X/MSC:N/MSI:N/MSA:N/S:P/AU:X/R:I/V:C/RE:M/U:Amber", "0.1", "Low")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:L/SC:L/SI:N/SA:H/E:P/CR:L/IR:H/AR:M/MAV:N/MAC:L/MAT:N/MPR:L/MUI:A/MVC:H/MVI:L/MVA:L/MSC:L/MSI:N/MSA:S/S:X/AU:X/R:A/V:C/RE:M/U:X", "7.2", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:N/VC:N/VI:L/VA:N/SC:L/SI:N/SA:L/E:U/CR:H/IR:M/AR:X/MAV:P/MAC:H/MAT:X/MPR:L/MUI:N/MVC:X/MVI:L/MVA:L/MSC:N/MSI:S/MSA:S/S:N/AU:Y/R:U/V:D/RE:M/U:Red", "1.1", "Low")]
    [InlineData("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N/E:A/CR:X/IR:X/AR:M/MAV:A/MAC:L/MAT:P/MPR:N/MUI:X/MVC:H/MVI:L/MVA:L/MSC:X/MSI:S/MSA:H/S:P/AU:X/R:A/V:D/RE:M/U:Red", "8.6", "High")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H/E:A/CR:H/IR:L/AR:M/MAV:P/MAC:X/MAT:X/MPR:L/MUI:P/MVC:N/MVI:N/MVA:N/MSC:N/MSI:X/MSA:L/S:X/AU:Y/R:U/V:C/RE:L/U:Amber", "4.2", "Medium")]
    [InlineData("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:N/VA:L/SC:L/SI:L/SA:H/E:X/CR:H/IR:M/AR:M/MAV:P/MAC:L/MAT:N/MPR:H/MUI:X/MVC:H/MVI:X/MVA:H/MSC:H/MSI:H/MSA:S/S:P/AU:N/R:A/V:X/RE:H/U:Red", "8.4", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:L/VI:L/VA:N/SC:H/SI:N/SA:N/E:P/CR:X/IR:L/AR:X/MAV:P/MAC:X/MAT:P/MPR:N/MUI:P/MVC:N/MVI:L/MVA:X/MSC:H/MSI:N/MSA:X/S:P/AU:Y/R:U/V:X/RE:H/U:Red", "0.8", "Low")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:L/SI:N/SA:N/E:P/CR:L/IR:L/AR:L/MAV:P/MAC:H/MAT:N/MPR:X/MUI:A/MVC:X/MVI:X/MVA:N/MSC:X/MSI:N/MSA:X/S:X/AU:Y/R:I/V:C/RE:M/U:Green", "0.3", "Low")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:L/VI:L/VA:L/SC:L/SI:N/SA:L/E:P/CR:L/IR:X/AR:H/MAV:X/MAC:L/MAT:N/MPR:L/MUI:N/MVC:N/MVI:H/MVA:X/MSC:N/MSI:S/MSA:N/S:N/AU:X/R:A/V:C/RE:M/U:Amber", "6.8", "Medium")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:H/SI:H/SA:N/E:A/CR:L/IR:X/AR:X/MAV:L/MAC:L/MAT:X/MPR:X/MUI:A/MVC:X/MVI:L/MVA:H/MSC:L/MSI:L/MSA:S/S:P/AU:N/R:U/V:C/RE:M/U:X", "8.2", "High")]
    [InlineData("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:N/VC:H/VI:N/VA:L/SC:H/SI:L/SA:H/E:U/CR:H/IR:X/AR:L/MAV:X/MAC:X/MAT:N/MPR:H/MUI:X/MVC:N/MVI:N/MVA:N/MSC:N/MSI:L/MSA:N/S:X/AU:X/R:A/V:X/RE:X/U:Red", "0.5", "Low")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N/E:X/CR:L/IR:H/AR:H/MAV:A/MAC:L/MAT:N/MPR:L/MUI:N/MVC:N/MVI:L/MVA:X/MSC:L/MSI:L/MSA:S/S:P/AU:X/R:U/V:C/RE:M/U:Green", "8.0", "High")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:N/VC:L/VI:N/VA:H/SC:L/SI:N/SA:H/E:P/CR:M/IR:H/AR:H/MAV:N/MAC:L/MAT:N/MPR:N/MUI:A/MVC:L/MVI:H/MVA:N/MSC:N/MSI:X/MSA:X/S:N/AU:X/R:I/V:D/RE:L/U:X", "6.9", "Medium")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:H/VI:N/VA:N/SC:N/SI:L/SA:N/E:P/CR:X/IR:M/AR:L/MAV:N/MAC:H/MAT:N/MPR:H/MUI:P/MVC:X/MVI:N/MVA:X/MSC:H/MSI:S/MSA:X/S:P/AU:N/R:U/V:X/RE:L/U:Clear", "7.0", "High")]
    public void Scores_match_firsts_calculator_validation_set(string vector, string score, string severity) =>
        AssertScore(vector, score, severity);

    [Theory]
    // Interpolations that land one floating-point step below an x.x5 tie; they round half up.
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H", "8.6", "High")] // 8.55, cvss-v4-calculator#66
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U", "0.4", "Low")] // 0.35, cvss-v4-calculator#48
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P", "9.0", "Critical")] // 8.95, cvss-v4-calculator#48
    [InlineData("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:H/E:A/CR:H/IR:M/AR:H/MAV:A/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:N/MVA:H/MSC:H/MSI:H/MSA:H/S:N/AU:N/R:I/V:C/RE:M/U:Green", "8.6", "High")] // cvss#63
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:P/CR:L/IR:L/AR:L/MAV:N/MAC:L/MAT:N/MPR:L/MUI:A/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Red", "8.5", "High")] // 8.45, cvss#60
    public void Ties_round_half_up_as_the_fixed_reference_does(string vector, string score, string severity) =>
        AssertScore(vector, score, severity);

    [Fact]
    public void No_impact_on_any_system_scores_zero_and_reads_none()
    {
        var cvss = CvssV40.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N");

        Assert.Equal(0.0, cvss.Score);
        Assert.Equal("None", cvss.Severity);
        Assert.Equal("0.0 None (CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N)", cvss.ToString());
        // Environmental metrics that take every impact away also score zero.
        Assert.Equal(0.0, CvssV40.Parse(
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MVC:N/MVI:N/MVA:N").Score);
    }

    [Fact]
    public void Local_with_low_privileges_and_high_impact_scores_8_5()
    {
        Assert.Equal(8.5, CvssV40.Parse("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").Score);
    }

    [Fact]
    public void Threat_metric_lowers_the_score_and_not_defined_means_attacked()
    {
        const string Base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

        Assert.Equal(9.3, CvssV40.Parse(Base).Score);
        Assert.Equal(9.3, CvssV40.Parse(Base + "/E:X").Score);
        Assert.Equal(9.3, CvssV40.Parse(Base + "/E:A").Score);
        Assert.True(CvssV40.Parse(Base + "/E:P").Score < 9.3);
        Assert.True(CvssV40.Parse(Base + "/E:U").Score < CvssV40.Parse(Base + "/E:P").Score);
    }

    [Fact]
    public void Explicit_not_defined_and_supplemental_metrics_do_not_change_the_score()
    {
        const string Base = "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N";
        var all = Base + "/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X"
            + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red";

        Assert.Equal(CvssV40.Parse(Base).Score, CvssV40.Parse(all).Score);
        Assert.Equal("CVSS-B", CvssV40.Parse(all).Nomenclature);
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS-B")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P", "CVSS-BT")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:L", "CVSS-BE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/S:P", "CVSS-BTE")]
    public void Nomenclature_tells_which_metric_groups_were_given(string vector, string nomenclature)
    {
        Assert.Equal(nomenclature, CvssV40.Parse(vector).Nomenclature);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "must start with 'CVSS:4.0/'")]
    [InlineData("AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "must start with 'CVSS:4.0/'")]
    [InlineData("cvss:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "must start with 'CVSS:4.0/'")]
    [InlineData("", "must start with 'CVSS:4.0/'")]
    [InlineData("CVSS:4.0/", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:4.0/AV:N:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "the base metric(s) SA are missing")]
    [InlineData("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A", "the base metric(s) AT are missing")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:N", "SA appears more than once")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:P", "E appears more than once")]
    [InlineData("CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "'X' is not a value of AV")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", "'S' is not a value of SI")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S", "'S' is not a value of MSC")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:h/VI:H/VA:H/SC:N/SI:N/SA:N", "'h' is not a value of VC")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "'R' is not a value of UI")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red", "'red' is not a value of U")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O", "'RL' is not a CVSS v4.0 metric")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "VC is out of order: it must come before S")]
    [InlineData("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "AV is out of order: it must come before AC")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N", "VI is out of order: it must come before SC")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:A/CR:L/E:P", "CR is out of order: it must come before MAV")]
    public void Malformed_vectors_are_refused_with_a_reason(string vector, string reason)
    {
        var e = Expect.Refusal("invalid-cvss-vector", () => CvssV40.Parse(vector));

        Assert.Contains(reason, e.Message);
        Assert.Contains("is not a valid CVSS v4.0 vector", e.Message);
        Assert.False(CvssV40.TryParse(vector, out var cvss, out var error));
        Assert.Null(cvss);
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Null_is_refused_like_any_malformed_vector()
    {
        Expect.Refusal("invalid-cvss-vector", () => CvssV40.Parse(null));
        Assert.False(CvssV40.TryParse(null, out _, out _));
    }

    [Fact]
    public void TryParse_accepts_a_valid_vector_and_keeps_it_trimmed()
    {
        Assert.True(CvssV40.TryParse(" CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N ", out var cvss, out var error));
        Assert.Equal("", error);
        Assert.NotNull(cvss);
        Assert.Equal("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", cvss.Vector);
        Assert.Equal(9.3, cvss.Score);
        Assert.Equal("Critical", cvss.Severity);
    }

    private static void AssertScore(string vector, string score, string severity)
    {
        var cvss = CvssV40.Parse(vector);

        Assert.True(double.Parse(score, CultureInfo.InvariantCulture) == cvss.Score, $"{vector}: expected {score}, got {cvss.Score}");
        Assert.Equal(severity, cvss.Severity);
        Assert.Equal(vector, cvss.Vector);
    }
}
