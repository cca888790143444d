using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class PublicAtReleaseRuleTests
{
    private static readonly DateTimeOffset Release = PolicyScene.Release;

    private static PolicyScene EntryTierWithPublicDescription() => new PolicyScene()
        .InTier("entry", new Dictionary<ContentClass, TimeSpan> { [ContentClass.Notice] = TimeSpan.FromDays(1) })
        .WithWaves((Utc.At("2025-06-24T12:00Z"), [ContentClass.Notice]))
        .WithRules(Rules.PublicAtRelease("R5", ContentClass.Description, ContentClass.Mitigation));

    [Fact]
    public void A_public_class_opens_at_release_without_a_lead_time_or_a_wave()
    {
        var scene = EntryTierWithPublicDescription();

        EntitlementAssert.NotYet(scene.Decide(ContentClass.Description, Release.AddMinutes(-1)), Release, "R5");
        var e = scene.Decide(ContentClass.Description, Release);
        EntitlementAssert.Allowed(e, Release, "R5");
        Assert.Contains("Technical description opens to all partners at release (2025-07-08 17:00 UTC), rule R5 since 2025-01-10", e.Explanation);
    }

    [Fact]
    public void An_earlier_tier_window_wins_over_the_release()
    {
        var e = new PolicyScene()
            .WithRules(Rules.PublicAtRelease("R5", ContentClass.Description))
            .Decide(ContentClass.Description, Release.AddDays(-1));

        EntitlementAssert.Allowed(e, Release - PolicyScene.StrategicLead, RuleIds.TierLeadTime);
    }

    [Fact]
    public void Classes_the_rule_does_not_name_stay_closed()
    {
        EntitlementAssert.Denied(EntryTierWithPublicDescription().Decide(ContentClass.Poc, Release.AddDays(1)), RuleIds.TierLeadTime);
    }

    [Fact]
    public void Publicity_at_release_does_not_reach_suspended_partners()
    {
        var e = EntryTierWithPublicDescription()
            .Then(PartnerStatus.Suspended, Utc.At("2025-07-01T00:00Z"))
            .Decide(ContentClass.Description, Release.AddDays(1));

        EntitlementAssert.Denied(e, RuleIds.Membership);
    }
}
