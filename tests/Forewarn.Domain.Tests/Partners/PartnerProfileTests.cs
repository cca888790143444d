using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Partners;

public sealed class PartnerProfileTests
{
    [Fact]
    public void A_new_partner_is_an_applicant_with_one_history_entry()
    {
        var p = PartnerLifecycleTests.Applicant();

        Assert.Equal(PartnerStatus.Applicant, p.Status);
        Assert.Single(p.History);
        Assert.Equal("DE", p.HeadquartersCountry);
    }

    [Fact]
    public void All_jurisdictions_start_with_the_headquarters_and_hold_each_code_once()
    {
        var p = PartnerLifecycleTests.Applicant();
        p.SetJurisdictions([" cn", "EU", "de", "CN", ""]);

        Assert.Equal(["CN", "EU", "DE"], p.Jurisdictions);
        Assert.Equal(["DE", "CN", "EU"], p.AllJurisdictions);
    }

    [Fact]
    public void Restrictions_are_kept_once_each_in_order()
    {
        var p = PartnerLifecycleTests.Applicant();
        p.SetRestrictions([ContentClass.Poc, ContentClass.Indicators, ContentClass.Poc]);

        Assert.Equal([ContentClass.Indicators, ContentClass.Poc], p.Restrictions);
    }

    [Fact]
    public void A_contract_binds_from_signature_until_expiry()
    {
        var signed = Utc.At("2025-01-01T00:00Z");
        var expires = Utc.At("2026-01-01T00:00Z");
        var c = Contract.Create("NDA-3", signed, expires);

        Assert.False(c.ValidAt(signed.AddTicks(-1)));
        Assert.True(c.ValidAt(signed));
        Assert.True(c.ValidAt(expires.AddTicks(-1)));
        Assert.False(c.ValidAt(expires));
        Assert.Null(c.WhyNotValidAt(signed));
        Assert.False(Contract.Create("NDA-3", null, null).ValidAt(expires));
    }

    [Fact]
    public void A_contract_must_expire_after_it_was_signed_and_name_its_nda()
    {
        var signed = Utc.At("2025-01-01T00:00Z");

        Expect.Refusal("invalid-contract", () => Contract.Create("NDA-3", signed, signed));
        Expect.Refusal("invalid-field", () => Contract.Create(" ", signed, null));
    }

    [Theory]
    [InlineData("antivirus-edr", PartnerCategory.AntivirusEdr)]
    [InlineData("CERT", PartnerCategory.Cert)]
    [InlineData("ManagedSecurity", PartnerCategory.ManagedSecurity)]
    public void Categories_parse_by_wire_name_or_enum_name(string text, PartnerCategory expected)
    {
        Assert.Equal(expected, PartnerCategories.Parse(text));
    }

    [Fact]
    public void An_unknown_category_is_refused()
    {
        Expect.Refusal("unknown-category", () => PartnerCategories.Parse("reseller"));
    }
}
