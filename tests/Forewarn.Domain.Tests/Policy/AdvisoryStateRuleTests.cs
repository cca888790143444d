using Forewarn.Domain.Advisories;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class AdvisoryStateRuleTests
{
    [Fact]
    public void Nothing_of_a_draft_advisory_reaches_partners()
    {
        var e = new PolicyScene().NotScheduled().Decide(ContentClass.Notice, Utc.At("2025-07-04T00:00Z"));

        // A draft has no waves either, so the wave rule is named too.
        EntitlementAssert.Denied(e, RuleIds.AdvisoryState, RuleIds.Wave);
        Assert.Contains("FW-2025-0042 is a draft, not yet scheduled for release", e.Explanation);
    }

    [Fact]
    public void An_advisory_scheduled_later_was_a_draft_at_earlier_times()
    {
        var scene = new PolicyScene()
            .ScheduledAt(Utc.At("2025-07-06T09:00Z"))
            .WithWaves((Utc.At("2025-07-06T10:00Z"), [ContentClass.Notice]));

        EntitlementAssert.Denied(scene.Decide(ContentClass.Notice, Utc.At("2025-07-06T08:59Z")), RuleIds.AdvisoryState);
        EntitlementAssert.NotYet(scene.Decide(ContentClass.Notice, Utc.At("2025-07-06T09:30Z")), Utc.At("2025-07-06T10:00Z"), RuleIds.Wave);
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Notice, Utc.At("2025-07-06T10:00Z")), Utc.At("2025-07-06T10:00Z"));
    }

    [Fact]
    public void A_withdrawn_advisory_is_denied_from_its_withdrawal_on_even_after_release()
    {
        var scene = new PolicyScene().WithdrawnAt(Utc.At("2025-07-04T00:00Z"));

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Description, Utc.At("2025-07-03T18:00Z")), PolicyScene.Release - PolicyScene.StrategicLead);
        var after = scene.Decide(ContentClass.Description, Utc.At("2025-07-04T00:00Z"));
        EntitlementAssert.Denied(after, RuleIds.AdvisoryState);
        Assert.Contains("FW-2025-0042 was withdrawn on 2025-07-04", after.Explanation);
        EntitlementAssert.Denied(scene.Decide(ContentClass.Description, PolicyScene.Release.AddDays(3)), RuleIds.AdvisoryState);
    }
}
