using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Tests.Cvss;

/// <summary>The qualitative severity rating scale shared by CVSS v3.1 and v4.0.</summary>
public sealed class SeverityTests
{
    [Theory]
    [InlineData(0.0, "None")]
    [InlineData(0.1, "Low")]
    [InlineData(3.9, "Low")]
    [InlineData(4.0, "Medium")]
    [InlineData(6.9, "Medium")]
    [InlineData(7.0, "High")]
    [InlineData(8.9, "High")]
    [InlineData(9.0, "Critical")]
    [InlineData(10.0, "Critical")]
    public void Scores_fall_into_firsts_bands(double score, string severity)
    {
        Assert.Equal(severity, CvssSeverity.Of(score));
    }
}
