using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Tests.Cvss;

/// <summary>The specification's Roundup (section 7 and Appendix A).</summary>
public sealed class RoundupTests
{
    [Theory]
    [InlineData(4.02, 4.1)]
    [InlineData(4.00, 4.0)]
    [InlineData(4.0000049, 4.0)]
    [InlineData(4.00001, 4.1)]
    [InlineData(4.09, 4.1)]
    [InlineData(4.1, 4.1)]
    [InlineData(0.0, 0.0)]
    [InlineData(9.95, 10.0)]
    [InlineData(10.0, 10.0)]
    public void Roundup_is_the_smallest_one_decimal_number_not_below_its_input(double input, double expected)
    {
        Assert.Equal(expected, CvssV31.Roundup(input));
    }

    [Fact]
    public void Roundup_ignores_floating_point_noise()
    {
        // Appendix A: 0.1 + 0.2 is 0.30000000000000004 in binary floating point; a naive
        // ceiling would give 0.4.
        Assert.Equal(0.3, CvssV31.Roundup(0.1 + 0.2));
        Assert.Equal(3.3, CvssV31.Roundup(1.1 * 3));
    }
}
