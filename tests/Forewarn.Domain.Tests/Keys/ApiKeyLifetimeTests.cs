using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Keys;

public sealed class ApiKeyLifetimeTests
{
    private static readonly DateTimeOffset Now = ApiKeyTokenTests.Now;

    [Fact]
    public void A_key_is_usable_until_it_expires()
    {
        var (key, _) = ApiKeyTokenTests.PartnerKey();

        Assert.True(key.UsableAt(Now));
        Assert.True(key.UsableAt(key.ExpiresAt.AddTicks(-1)));
        Assert.False(key.UsableAt(key.ExpiresAt));
    }

    [Fact]
    public void A_revoked_key_is_not_usable_and_cannot_be_revoked_twice()
    {
        var (key, _) = ApiKeyTokenTests.PartnerKey();

        key.Revoke(Now.AddDays(1));

        Assert.Equal(Now.AddDays(1), key.RevokedAt);
        Assert.False(key.UsableAt(Now.AddDays(2)));
        Expect.Refusal("key-revoked", () => key.Revoke(Now.AddDays(3)));
    }

    [Fact]
    public void A_key_must_expire_in_the_future_and_within_five_years()
    {
        Expect.Refusal("invalid-key", () => ApiKey.Issue(KeyOwner.Staff, null, "ops", null, Now, Now, "staff", StaffMemberId.New()));
        Expect.Refusal("invalid-key", () => ApiKey.Issue(KeyOwner.Staff, null, "ops", null, Now + ApiKey.MaxLifetime + TimeSpan.FromMinutes(1), Now, "staff", StaffMemberId.New()));
        var (key, _) = ApiKey.Issue(KeyOwner.Staff, null, "ops", null, Now + ApiKey.MaxLifetime, Now, "staff", StaffMemberId.New());
        Assert.True(key.UsableAt(Now));
    }
}
