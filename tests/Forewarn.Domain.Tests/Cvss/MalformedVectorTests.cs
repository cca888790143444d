using Forewarn.Domain.Cvss;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Cvss;

public sealed class MalformedVectorTests
{
    [Theory]
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "must start with")]
    [InlineData("CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "must start with")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "must start with")]
    [InlineData("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "must start with")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "A are missing")]
    [InlineData("CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/A:H", "PR, I are missing")]
    [InlineData("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV appears more than once")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L", "A appears more than once")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'X' is not a value of AV")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:h/I:H/A:H", "'h' is not a value of C")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y", "'XX' is not a CVSS v3.1 metric")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H", "is not of the form METRIC:VALUE")]
    [InlineData("CVSS:3.1/", "is not of the form METRIC:VALUE")]
    [InlineData("", "must start with")]
    public void Malformed_vectors_are_refused_with_a_reason(string vector, string reason)
    {
        var e = Expect.Refusal("invalid-cvss-vector", () => CvssV31.Parse(vector));

        Assert.Contains(reason, e.Message);
        Assert.False(CvssV31.TryParse(vector, out var cvss, out var error));
        Assert.Null(cvss);
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Null_is_refused_like_any_malformed_vector()
    {
        Expect.Refusal("invalid-cvss-vector", () => CvssV31.Parse(null));
    }

    [Fact]
    public void TryParse_accepts_a_valid_vector()
    {
        Assert.True(CvssV31.TryParse(" CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N ", out var cvss, out var error));
        Assert.Equal(7.5, cvss!.BaseScore);
        Assert.Equal("", error);
    }
}
