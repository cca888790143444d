using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class ContractRuleTests
{
    private static readonly DateTimeOffset WindowOpens = PolicyScene.Release - PolicyScene.StrategicLead;

    [Fact]
    public void An_unsigned_nda_denies_everything()
    {
        var e = new PolicyScene().WithContract(null, null).Decide(ContentClass.Notice, Utc.At("2025-07-04T00:00Z"));

        EntitlementAssert.Denied(e, RuleIds.Contract);
        Assert.Contains("NDA NDA-3 has not been signed", e.Explanation);
    }

    [Fact]
    public void An_nda_signed_only_later_does_not_cover_earlier_times()
    {
        var scene = new PolicyScene().WithContract(Utc.At("2025-07-06T00:00Z"), null);

        var before = scene.Decide(ContentClass.Notice, Utc.At("2025-07-05T00:00Z"));
        EntitlementAssert.Denied(before, RuleIds.Contract);
        Assert.Contains("is signed only from 2025-07-06 00:00 UTC", before.Explanation);

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Notice, Utc.At("2025-07-06T00:00Z")), WindowOpens, RuleIds.Contract);
    }

    [Fact]
    public void An_expired_nda_denies_from_the_moment_it_expires()
    {
        var scene = new PolicyScene().WithContract(PolicyScene.Applied, Utc.At("2025-07-05T00:00Z"));

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Notice, Utc.At("2025-07-04T23:59Z")), WindowOpens);
        var atExpiry = scene.Decide(ContentClass.Notice, Utc.At("2025-07-05T00:00Z"));
        EntitlementAssert.Denied(atExpiry, RuleIds.Contract);
        Assert.Contains("expired on 2025-07-05 00:00 UTC", atExpiry.Explanation);
    }

    [Fact]
    public void Every_failed_condition_is_named_not_only_the_first()
    {
        var e = new PolicyScene()
            .Then(PartnerStatus.Suspended, Utc.At("2025-05-01T00:00Z"))
            .WithContract(null, null)
            .Decide(ContentClass.Notice, Utc.At("2025-07-04T00:00Z"));

        EntitlementAssert.Denied(e, RuleIds.Membership, RuleIds.Contract);
    }
}
