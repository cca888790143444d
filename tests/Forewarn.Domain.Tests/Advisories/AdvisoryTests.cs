using Forewarn.Domain.Advisories;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Advisories;

public sealed class AdvisoryTests
{
    private static readonly DateTimeOffset Release = AdvisoryFixture.Release;

    [Fact]
    public void A_new_advisory_normalises_its_reference_and_cve_ids_and_scores_its_vector()
    {
        var a = AdvisoryFixture.Draft("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");

        Assert.Equal("FW-2025-0042", a.Reference);
        Assert.Equal(["CVE-2025-53770"], a.CveIds);
        Assert.Equal(9.8, a.CvssScore);
        Assert.Single(a.Revisions);
    }

    [Fact]
    public void A_malformed_vector_is_refused_when_the_advisory_is_written()
    {
        Expect.Refusal("invalid-cvss-vector", () => AdvisoryFixture.Draft("CVSS:3.1/AV:N"));
    }

    [Theory]
    [InlineData("FW 2025")]
    [InlineData("2025-0042")]
    [InlineData("FW")]
    [InlineData("")]
    public void References_must_be_letters_digits_and_dashes(string reference)
    {
        Expect.Refusal("invalid-reference", () =>
            Advisory.Create(reference, "Title", null, null, null, null, Release, AdvisoryFixture.Created, "staff"));
    }

    [Fact]
    public void The_state_follows_from_schedule_waves_clock_and_withdrawal()
    {
        var a = AdvisoryFixture.Draft();
        var artifact = AdvisoryFixture.ArtifactOf(a, ContentClass.Notice);
        Assert.Equal(AdvisoryState.Draft, a.StateAt(Release.AddDays(-1), []));

        var scheduled = Utc.At("2025-06-20T00:00Z");
        a.Schedule(scheduled, "staff");
        var wave = Wave.Plan(a, [], [artifact], WaveKind.Initial, Utc.At("2025-06-24T00:00Z"), [artifact.Id], null, scheduled);

        Assert.Equal(AdvisoryState.Draft, a.StateAt(scheduled.AddTicks(-1), [wave]));
        Assert.Equal(AdvisoryState.Scheduled, a.StateAt(scheduled, [wave]));
        Assert.Equal(AdvisoryState.Notified, a.StateAt(wave.At, [wave]));
        Assert.Equal(AdvisoryState.Released, a.StateAt(Release, [wave]));

        a.Withdraw("Duplicate", Release.AddDays(1), "staff");
        Assert.Equal(AdvisoryState.Released, a.StateAt(Release, [wave]));
        Assert.Equal(AdvisoryState.Withdrawn, a.StateAt(Release.AddDays(1), [wave]));
        Assert.Equal("withdrawn", AdvisoryState.Withdrawn.Name());
    }

    [Fact]
    public void Scheduling_needs_a_future_release_and_happens_once()
    {
        var a = AdvisoryFixture.Draft();

        Expect.Refusal("release-in-past", () => a.Schedule(Release, "staff"));
        a.Schedule(Release.AddDays(-10), "staff");
        Expect.Refusal("already-scheduled", () => a.Schedule(Release.AddDays(-9), "staff"));
    }

    [Fact]
    public void A_withdrawn_advisory_cannot_be_scheduled_revised_or_withdrawn_again()
    {
        var a = AdvisoryFixture.Draft();
        a.Withdraw("Not a vulnerability", Release.AddDays(-20), "staff");

        Expect.Refusal("advisory-withdrawn", () => a.Schedule(Release.AddDays(-19), "staff"));
        Expect.Refusal("advisory-withdrawn", () => a.Revise("T", null, null, null, null, "edit", Release.AddDays(-19), "staff"));
        Expect.Refusal("advisory-withdrawn", () => a.Withdraw("again", Release.AddDays(-18), "staff"));
        Expect.Refusal("advisory-withdrawn", () =>
            Artifact.Create(a, "PoC", ContentClass.Poc, TlpLabel.Red, null, null, [1], Release.AddDays(-19)));
    }

    [Fact]
    public void The_release_can_move_until_it_has_happened()
    {
        var a = AdvisoryFixture.Draft();
        a.Schedule(Release.AddDays(-10), "staff");

        a.MoveRelease(Release.AddDays(7), "Fix incomplete", Release.AddDays(-1), "staff");
        Assert.Equal(Release.AddDays(7), a.ReleaseAt);
        Assert.Contains("Release moved from 2025-07-08 17:00 UTC to 2025-07-15 17:00 UTC: Fix incomplete", a.Revisions[^1].Summary);

        Expect.Refusal("release-in-past", () => a.MoveRelease(Release, "earlier", Release.AddDays(1), "staff"));
        Expect.Refusal("already-released", () => a.MoveRelease(Release.AddDays(30), "later", Release.AddDays(8), "staff"));
    }
}
