using Forewarn.Domain.Partners;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Partners;

public sealed class CountryCodeTests
{
    [Fact]
    public void All_249_assigned_codes_are_known_once_each()
    {
        Assert.Equal(249, CountryCode.All.Count);
        Assert.Equal(249, CountryCode.All.Distinct().Count());
        Assert.All(CountryCode.All, c => Assert.Matches("^[A-Z]{2}$", c));
        Assert.Contains("CN", CountryCode.All);
        Assert.Contains("SS", CountryCode.All);
        Assert.Contains("AX", CountryCode.All);
    }

    [Theory]
    [InlineData("de", "DE")]
    [InlineData(" us ", "US")]
    [InlineData("CN", "CN")]
    public void Parse_normalises_assigned_codes(string input, string expected)
    {
        Assert.Equal(expected, CountryCode.Parse(input));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZ")]
    [InlineData("usa")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("U1")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_refuses_anything_not_assigned(string? input)
    {
        var e = Expect.Refusal("unknown-country", () => CountryCode.Parse(input));
        Assert.Contains("ISO 3166-1 alpha-2", e.Message);
        Assert.False(CountryCode.IsAssigned(input));
    }

    [Fact]
    public void A_partner_needs_an_assigned_headquarters_country()
    {
        Expect.Refusal("unknown-country", () => Partner.Create("Contoso", "XX", null, PartnerCategory.Cert, "entry",
            Contract.Create("NDA-3", null, null), Utc.At("2025-01-01T00:00Z"), "staff"));
    }
}
