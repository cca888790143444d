using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Advisories;

public sealed class WavePlanningTests
{
    private static readonly DateTimeOffset Now = Utc.At("2025-06-20T00:00Z");

    private static (Advisory Advisory, Artifact Notice) Scheduled()
    {
        var a = AdvisoryFixture.Draft();
        var notice = AdvisoryFixture.ArtifactOf(a, ContentClass.Notice);
        a.Schedule(Now, "staff");
        return (a, notice);
    }

    [Fact]
    public void Waves_are_numbered_and_only_the_first_is_initial()
    {
        var (a, notice) = Scheduled();
        var first = Wave.Plan(a, [], [notice], WaveKind.Initial, Now.AddDays(4), [notice.Id, notice.Id], "first", Now);
        var second = Wave.Plan(a, [first], [notice], WaveKind.Update, Now.AddDays(13), [notice.Id], null, Now);

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
        Assert.Equal([notice.Id], first.ArtifactIds);
        Expect.Refusal("initial-wave-exists", () => Wave.Plan(a, [first, second], [notice], WaveKind.Initial, Now.AddDays(14), [notice.Id], null, Now));
    }

    [Fact]
    public void A_draft_gets_no_wave()
    {
        var a = AdvisoryFixture.Draft();
        var notice = AdvisoryFixture.ArtifactOf(a, ContentClass.Notice);

        Expect.Refusal("advisory-not-scheduled", () => Wave.Plan(a, [], [notice], WaveKind.Initial, Now.AddDays(1), [notice.Id], null, Now));
    }

    [Fact]
    public void A_wave_publishes_something_of_its_own_advisory_and_not_in_the_past()
    {
        var (a, notice) = Scheduled();
        var (other, otherNotice) = Scheduled();
        Assert.NotEqual(a.Id, other.Id);

        Expect.Refusal("empty-wave", () => Wave.Plan(a, [], [notice], WaveKind.Initial, Now.AddDays(1), [], null, Now));
        Expect.Refusal("unknown-artifact", () => Wave.Plan(a, [], [notice, otherNotice], WaveKind.Initial, Now.AddDays(1), [otherNotice.Id], null, Now));
        Expect.Refusal("unknown-artifact", () => Wave.Plan(a, [], [notice], WaveKind.Initial, Now.AddDays(1), [ArtifactId.New()], null, Now));
        Expect.Refusal("wave-in-past", () => Wave.Plan(a, [], [notice], WaveKind.Initial, Now.AddMinutes(-6), [notice.Id], null, Now));
    }

    [Fact]
    public void A_withdrawn_advisory_gets_no_wave()
    {
        var (a, notice) = Scheduled();
        a.Withdraw("Duplicate", Now.AddDays(1), "staff");

        Expect.Refusal("advisory-withdrawn", () => Wave.Plan(a, [], [notice], WaveKind.Initial, Now.AddDays(2), [notice.Id], null, Now.AddDays(1)));
    }

    [Theory]
    [InlineData("initial", WaveKind.Initial)]
    [InlineData("Update", WaveKind.Update)]
    [InlineData("REVISED", WaveKind.Revised)]
    public void Wave_kinds_parse_by_name(string text, WaveKind kind)
    {
        Assert.Equal(kind, Wave.ParseKind(text));
    }

    [Fact]
    public void An_unknown_wave_kind_is_refused()
    {
        Expect.Refusal("unknown-wave-kind", () => Wave.ParseKind("final"));
    }
}
