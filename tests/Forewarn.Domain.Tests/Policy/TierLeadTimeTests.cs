using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;
using Forewarn.Domain.Tiers;

namespace Forewarn.Domain.Tests.Policy;

public sealed class TierLeadTimeTests
{
    private static readonly DateTimeOffset Release = PolicyScene.Release;

    [Fact]
    public void Content_published_early_opens_the_lead_time_before_release()
    {
        var scene = new PolicyScene();
        var opens = Release - PolicyScene.StrategicLead;

        var early = scene.Decide(ContentClass.Detection, opens.AddMinutes(-1));
        EntitlementAssert.NotYet(early, opens, RuleIds.TierLeadTime);
        Assert.Contains("the strategic tier receives detection guidance 5 days before release (from 2025-07-03 17:00 UTC)", early.Explanation);
        Assert.Contains(early.Deciding, f => f.Rule == RuleIds.TierLeadTime && f.From == opens);

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Detection, opens), opens, RuleIds.TierLeadTime, RuleIds.Wave);
    }

    [Fact]
    public void A_wave_later_than_the_lead_time_opens_it_at_the_wave()
    {
        var wave = Utc.At("2025-07-06T09:00Z");
        var scene = new PolicyScene().WithWaves((wave, [ContentClass.Detection]));

        EntitlementAssert.NotYet(scene.Decide(ContentClass.Detection, Utc.At("2025-07-05T00:00Z")), wave, RuleIds.Wave);
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Detection, wave), wave);
    }

    [Fact]
    public void Lead_times_differ_per_content_class()
    {
        var scene = new PolicyScene().InTier("validate", new Dictionary<ContentClass, TimeSpan>
        {
            [ContentClass.Detection] = TimeSpan.FromDays(14),
            [ContentClass.Description] = TimeSpan.FromDays(3),
        }).WithWaves((Utc.At("2025-06-24T12:00Z"), [.. ContentClasses.All]));
        var tenDaysBefore = Release.AddDays(-10);

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Detection, tenDaysBefore), Release.AddDays(-14));
        EntitlementAssert.NotYet(scene.Decide(ContentClass.Description, tenDaysBefore), Release.AddDays(-3), RuleIds.TierLeadTime);
    }

    [Fact]
    public void A_class_the_tier_does_not_receive_early_is_denied_when_nothing_opens_it_at_release()
    {
        var e = new PolicyScene()
            .InTier("entry", new Dictionary<ContentClass, TimeSpan> { [ContentClass.Notice] = TimeSpan.FromDays(1) })
            .Decide(ContentClass.Poc, Release.AddDays(2));

        EntitlementAssert.Denied(e, RuleIds.TierLeadTime);
        Assert.Equal("denied: the entry tier does not receive PoC before release, and PoC is not opened to partners at release", e.Explanation);
    }

    [Fact]
    public void A_zero_lead_time_opens_at_release()
    {
        var scene = new PolicyScene().InTier("entry", new Dictionary<ContentClass, TimeSpan> { [ContentClass.Notice] = TimeSpan.Zero });

        EntitlementAssert.NotYet(scene.Decide(ContentClass.Notice, Release.AddMinutes(-1)), Release, RuleIds.TierLeadTime);
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Notice, Release), Release);
    }

    [Fact]
    public void A_partner_without_a_known_tier_gets_nothing_early()
    {
        EntitlementAssert.Denied(new PolicyScene().WithoutTier().Decide(ContentClass.Notice, Release.AddDays(-1)), RuleIds.TierLeadTime);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31 * 24 * 60)]
    public void Lead_times_outside_zero_to_thirty_days_are_refused(int minutes)
    {
        Expect.Refusal("invalid-lead-time", () =>
            Tier.Create("validate", null, new Dictionary<ContentClass, TimeSpan> { [ContentClass.Detection] = TimeSpan.FromMinutes(minutes) }));
    }

    [Fact]
    public void A_tier_reports_no_lead_time_for_classes_it_does_not_receive_early()
    {
        var tier = Tier.Create("entry", "Entry level", new Dictionary<ContentClass, TimeSpan> { [ContentClass.Notice] = TimeSpan.FromDays(1) });

        Assert.Equal(TimeSpan.FromDays(1), tier.LeadTime(ContentClass.Notice));
        Assert.Null(tier.LeadTime(ContentClass.Poc));
        Assert.Equal(TimeSpan.FromDays(30), Tier.MaxLeadTime);
        Expect.Refusal("invalid-field", () => Tier.Create(" ", null, new Dictionary<ContentClass, TimeSpan>()));
    }

    [Fact]
    public void Durations_read_naturally_in_explanations()
    {
        Assert.Equal("1 day", Moments.Show(TimeSpan.FromDays(1)));
        Assert.Equal("14 days", Moments.Show(TimeSpan.FromDays(14)));
        Assert.Equal("36 hours", Moments.Show(TimeSpan.FromHours(36)));
        Assert.Equal("90 minutes", Moments.Show(TimeSpan.FromMinutes(90)));
    }
}
