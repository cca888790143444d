using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Keys;

public sealed class ApiKeyScopeTests
{
    private static readonly DateTimeOffset Now = ApiKeyTokenTests.Now;

    [Theory]
    [InlineData(KeyScopes.PartnerRead)]
    [InlineData(KeyScopes.PartnerAcknowledge)]
    public void A_staff_key_cannot_have_partner_scopes(string scope)
    {
        var e = Expect.Refusal("invalid-scope", () => ApiKey.Issue(KeyOwner.Staff, null, "ops", [KeyScopes.StaffRead, scope], Now.AddDays(30), Now, "staff", StaffMemberId.New()));
        Assert.Contains(scope, e.Message);
    }

    [Fact]
    public void A_partner_key_cannot_have_staff_scopes()
    {
        Expect.Refusal("invalid-scope", () => ApiKey.Issue(KeyOwner.Partner, PartnerId.New(), "feed", [KeyScopes.StaffWrite], Now.AddDays(30), Now, "staff"));
    }

    [Fact]
    public void A_staff_key_cannot_belong_to_a_partner_and_a_partner_key_must_name_one()
    {
        Expect.Refusal("invalid-key", () => ApiKey.Issue(KeyOwner.Staff, PartnerId.New(), "ops", null, Now.AddDays(30), Now, "staff", StaffMemberId.New()));
        Expect.Refusal("invalid-key", () => ApiKey.Issue(KeyOwner.Partner, null, "feed", null, Now.AddDays(30), Now, "staff"));
    }

    [Fact]
    public void A_staff_key_names_its_member_and_a_partner_key_has_none()
    {
        Expect.Refusal("invalid-key", () => ApiKey.Issue(KeyOwner.Staff, null, "ops", null, Now.AddDays(30), Now, "staff"));
        Expect.Refusal("invalid-key", () => ApiKey.Issue(KeyOwner.Partner, PartnerId.New(), "feed", null, Now.AddDays(30), Now, "staff", StaffMemberId.New()));
        var member = StaffMemberId.New();
        var (key, _) = ApiKey.Issue(KeyOwner.Staff, null, "ops", [KeyScopes.StaffRead], Now.AddDays(30), Now, "staff", member);
        Assert.Equal(member, key.MemberId);
        Assert.False(key.CanWrite);
    }

    [Fact]
    public void Without_requested_scopes_a_key_gets_all_scopes_of_its_owner_kind()
    {
        var (staff, _) = ApiKey.Issue(KeyOwner.Staff, null, "ops", null, Now.AddDays(30), Now, "staff", StaffMemberId.New());
        var (partner, _) = ApiKey.Issue(KeyOwner.Partner, PartnerId.New(), "feed", [], Now.AddDays(30), Now, "staff");

        Assert.Equal([KeyScopes.StaffRead, KeyScopes.StaffWrite, KeyScopes.StaffInvestigate], staff.Scopes);
        Assert.Equal([KeyScopes.PartnerRead, KeyScopes.PartnerAcknowledge, KeyScopes.PartnerWebhooks, KeyScopes.PartnerSightings], partner.Scopes);
    }

    [Fact]
    public void Requested_scopes_are_normalised_and_kept_once()
    {
        var (key, _) = ApiKey.Issue(KeyOwner.Partner, PartnerId.New(), "feed", [" Partner:Read ", "partner:read"], Now.AddDays(30), Now, "staff");

        Assert.Equal([KeyScopes.PartnerRead], key.Scopes);
    }
}
