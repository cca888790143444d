using Forewarn.Domain.Advisories;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class WaveRuleTests
{
    private static readonly DateTimeOffset Release = PolicyScene.Release;

    [Fact]
    public void Content_of_a_wave_that_has_not_gone_out_is_not_yet_open_and_says_when_it_will_be()
    {
        var wave = Utc.At("2025-07-06T09:00Z");
        var e = new PolicyScene().WithWaves((wave, [ContentClass.Description])).Decide(ContentClass.Description, Utc.At("2025-07-04T00:00Z"));

        EntitlementAssert.NotYet(e, wave, RuleIds.Wave);
        Assert.Contains(e.Deciding, f => f.Rule == RuleIds.Wave && f.From == wave);
        Assert.Contains("wave 1 publishes it at 2025-07-06 09:00 UTC", e.Explanation);
    }

    [Fact]
    public void The_earliest_wave_that_publishes_the_artifact_counts()
    {
        var scene = new PolicyScene().WithWaves(
            (Utc.At("2025-06-24T12:00Z"), [ContentClass.Notice]),
            (Utc.At("2025-07-05T12:00Z"), [ContentClass.Description]),
            (Utc.At("2025-07-07T12:00Z"), [ContentClass.Description, ContentClass.Poc]));

        var e = scene.Decide(ContentClass.Description, Utc.At("2025-07-06T00:00Z"));
        EntitlementAssert.Allowed(e, Utc.At("2025-07-05T12:00Z"), RuleIds.Wave);
        Assert.Contains("wave 2 publishes it at 2025-07-05 12:00 UTC", e.Explanation);

        EntitlementAssert.NotYet(scene.Decide(ContentClass.Poc, Utc.At("2025-07-06T00:00Z")), Utc.At("2025-07-07T12:00Z"), RuleIds.Wave);
    }

    [Fact]
    public void An_artifact_no_wave_publishes_is_denied_by_the_wave_rule()
    {
        var e = new PolicyScene()
            .WithWaves((Utc.At("2025-06-24T12:00Z"), [ContentClass.Notice]))
            .Decide(ContentClass.Description, Release.AddDays(1));

        EntitlementAssert.Denied(e, RuleIds.Wave);
        Assert.Contains("no wave publishes this technical description, and technical description is not opened to partners at release", e.Explanation);
    }

    [Fact]
    public void A_wave_after_release_opens_its_content_at_the_wave()
    {
        var late = Release.AddDays(2);
        var scene = new PolicyScene().WithWaves((late, [ContentClass.Mitigation]));

        EntitlementAssert.NotYet(scene.Decide(ContentClass.Mitigation, Release.AddDays(1)), late, RuleIds.Wave);
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Mitigation, late), late);
    }
}
