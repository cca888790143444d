using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class MembershipRuleTests
{
    private static readonly DateTimeOffset DayBeforeRelease = PolicyScene.Release.AddDays(-1);
    private static readonly DateTimeOffset WindowOpens = PolicyScene.Release - PolicyScene.StrategicLead;

    [Fact]
    public void An_active_partner_with_a_signed_nda_gets_content_in_its_tier_window()
    {
        var e = new PolicyScene().Decide(ContentClass.Description, DayBeforeRelease);

        EntitlementAssert.Allowed(e, WindowOpens, RuleIds.Membership, RuleIds.Contract, RuleIds.TierLeadTime, RuleIds.Wave);
    }

    [Fact]
    public void An_applicant_that_was_never_admitted_gets_nothing()
    {
        var e = new PolicyScene().NeverActivated().Decide(ContentClass.Notice, DayBeforeRelease);

        EntitlementAssert.Denied(e, RuleIds.Membership);
        Assert.Contains("is applicant since 2025-01-02", e.Explanation);
    }

    [Theory]
    [InlineData(PartnerStatus.Suspended, "suspended")]
    [InlineData(PartnerStatus.Removed, "removed")]
    public void A_suspended_or_removed_partner_gets_nothing(PartnerStatus status, string name)
    {
        var e = new PolicyScene().Then(status, Utc.At("2025-05-01T10:00Z")).Decide(ContentClass.Notice, DayBeforeRelease);

        EntitlementAssert.Denied(e, RuleIds.Membership);
        Assert.Contains($"is {name} since 2025-05-01", e.Explanation);
    }

    [Fact]
    public void A_partner_on_probation_still_receives_when_no_rule_withholds_anything()
    {
        var e = new PolicyScene().Then(PartnerStatus.Probation, Utc.At("2025-05-01T10:00Z")).Decide(ContentClass.Poc, DayBeforeRelease);

        EntitlementAssert.Allowed(e, WindowOpens, RuleIds.Membership);
    }

    [Fact]
    public void The_status_is_read_from_the_history_at_the_time_asked_about()
    {
        var scene = new PolicyScene()
            .Then(PartnerStatus.Suspended, Utc.At("2025-07-05T12:00Z"))
            .Then(PartnerStatus.Active, Utc.At("2025-07-07T08:00Z"));

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Detection, Utc.At("2025-07-04T00:00Z")), WindowOpens);
        EntitlementAssert.Denied(scene.Decide(ContentClass.Detection, Utc.At("2025-07-05T12:00Z")), RuleIds.Membership);
        EntitlementAssert.Denied(scene.Decide(ContentClass.Detection, Utc.At("2025-07-06T00:00Z")), RuleIds.Membership);
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Detection, Utc.At("2025-07-07T08:00Z")), WindowOpens);
    }

    [Fact]
    public void A_partner_admitted_later_was_not_entitled_before_its_admission()
    {
        var scene = new PolicyScene().NeverActivated().Then(PartnerStatus.Active, Utc.At("2025-07-05T00:00Z"));

        EntitlementAssert.Denied(scene.Decide(ContentClass.Notice, Utc.At("2025-07-04T00:00Z")), RuleIds.Membership);
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Notice, Utc.At("2025-07-05T00:00Z")), WindowOpens);
    }
}
