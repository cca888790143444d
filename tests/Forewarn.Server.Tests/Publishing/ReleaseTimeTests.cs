using System.Net;
using Forewarn.Csaf.Validation;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>
/// The embargo ends exactly on time: nothing of an advisory is public a tick before its release
/// time, everything is at it — also after a postponement, and also when no server was running.
/// </summary>
public sealed class ReleaseTimeTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Nothing_is_public_a_tick_before_the_release_time_and_everything_at_it()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        var release = ForewarnFactory.Start.AddHours(2);
        await Releases.ScheduleAsync(staff, "FW-2026-9001", release);

        _f.Clock.SetUtcNow(release.AddTicks(-1));
        await Releases.PassAsync(_f);
        Assert.False(await Releases.AnywherePublicAsync(anyone, "FW-2026-9001"));

        _f.Clock.SetUtcNow(release);
        await Releases.PassAsync(_f);
        var document = await anyone.GetJson(Releases.DocumentUrl("FW-2026-9001"));
        Assert.Equal("FW-2026-9001", (string?)document["document"]!["tracking"]!["id"]);
        Assert.Equal("final", (string?)document["document"]!["tracking"]!["status"]);
        Assert.Equal("1", (string?)document["document"]!["tracking"]!["version"]);
        Assert.Equal("WHITE", (string?)document["document"]!["distribution"]!["tlp"]!["label"]);
        var validation = CsafValidator.Validate(document.ToJsonString());
        Assert.True(validation.IsValid, string.Join("\n", validation.Failures));
        Assert.True(await Releases.AnywherePublicAsync(anyone, "FW-2026-9001"));
    }

    [Fact]
    public async Task A_postponed_release_shows_nothing_at_the_old_time_and_is_published_at_the_new()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        var release = ForewarnFactory.Start.AddHours(2);
        await Releases.ScheduleAsync(staff, "FW-2026-9002", release);
        await staff.PostJson("/api/v1/advisories/FW-2026-9002/release-time",
            new { releaseAt = release.AddDays(1), reason = "Fix regression found in testing" }, HttpStatusCode.OK);

        _f.Clock.SetUtcNow(release.AddMinutes(1));
        await Releases.PassAsync(_f);
        Assert.False(await Releases.AnywherePublicAsync(anyone, "FW-2026-9002"));

        _f.Clock.SetUtcNow(release.AddDays(1));
        await Releases.PassAsync(_f);
        Assert.True(await Releases.AnywherePublicAsync(anyone, "FW-2026-9002"));
    }

    [Fact]
    public async Task The_scheduler_releases_on_its_own_when_the_time_comes()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        var release = ForewarnFactory.Start.AddMinutes(30);
        await Releases.ScheduleAsync(staff, "FW-2026-9003", release);

        _f.Clock.SetUtcNow(release);
        await Releases.EventuallyAsync(() => Releases.AnywherePublicAsync(anyone, "FW-2026-9003"), "the scheduler published FW-2026-9003");
        var released = await _f.InStoreAsync(db => db.Notices.CountAsync(n => n.Kind == Domain.Publishing.NoticeKind.Released));
        Assert.True(released > 0, "every receiving partner is told of the release");
    }

    [Fact]
    public async Task A_release_time_that_passed_while_no_server_ran_is_released_at_start()
    {
        _f.Settings["csaf:scheduler"] = "off";
        var staff = _f.Staff();
        var release = ForewarnFactory.Start.AddHours(1);
        await Releases.ScheduleAsync(staff, "FW-2026-9004", release);
        _f.Clock.SetUtcNow(release.AddHours(6));
        Assert.False(await Releases.AnywherePublicAsync(_f.CreateClient(), "FW-2026-9004"));

        await using var restarted = new SecondServer(_f);
        var anyone = restarted.CreateClient();
        await Releases.EventuallyAsync(() => Releases.AnywherePublicAsync(anyone, "FW-2026-9004"), "the restarted server released FW-2026-9004");
        var document = await anyone.GetJson(Releases.DocumentUrl("FW-2026-9004"));
        // The public document carries the coordinated release time, not the late moment of the pass.
        Assert.Equal(release, DateTimeOffset.Parse((string)document["document"]!["tracking"]!["initial_release_date"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_revision_after_release_publishes_the_next_version_everywhere()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        var release = ForewarnFactory.Start.AddHours(1);
        await Releases.ScheduleAsync(staff, "FW-2026-9005", release);
        _f.Clock.SetUtcNow(release);
        await Releases.PassAsync(_f);
        var firstFeed = await anyone.GetStringAsync("/.well-known/csaf/white/csaf-feed-tlp-white.json");

        _f.Clock.Advance(TimeSpan.FromHours(3));
        await (await staff.PatchAsync("/api/v1/advisories/FW-2026-9005", System.Net.Http.Json.JsonContent.Create(new
        {
            cvssVector = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
            change = "Attack complexity is high: exploitation needs a race",
        }))).Json(HttpStatusCode.OK);
        await Releases.PassAsync(_f);

        var document = await anyone.GetJson(Releases.DocumentUrl("FW-2026-9005"));
        var tracking = document["document"]!["tracking"]!;
        Assert.Equal("2", (string?)tracking["version"]);
        Assert.Equal(2, tracking["revision_history"]!.AsArray().Count);
        Assert.Contains("race", (string?)tracking["revision_history"]![1]!["summary"], StringComparison.Ordinal);
        Assert.True(CsafValidator.Validate(document.ToJsonString()).IsValid);
        var changes = await anyone.GetStringAsync("/.well-known/csaf/white/changes.csv");
        Assert.Contains(Releases.PathOf("FW-2026-9005"), changes, StringComparison.Ordinal);
        Assert.Contains(release.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), changes, StringComparison.Ordinal);
        var feed = await anyone.GetStringAsync("/.well-known/csaf/white/csaf-feed-tlp-white.json");
        Assert.NotEqual(firstFeed, feed);
        var publications = await staff.GetJson("/api/v1/advisories/FW-2026-9005/publications");
        Assert.Equal([1, 2], publications.AsArray().Select(p => (int)p!["version"]!).ToArray());
        var revised = await _f.InStoreAsync(db => db.Notices.CountAsync(n => n.Kind == Domain.Publishing.NoticeKind.Revised));
        Assert.True(revised > 0);
    }

    [Fact]
    public async Task A_withdrawn_advisory_is_never_published()
    {
        var staff = _f.Staff();
        var release = ForewarnFactory.Start.AddHours(1);
        await Releases.ScheduleAsync(staff, "FW-2026-9006", release);
        await staff.PostJson("/api/v1/advisories/FW-2026-9006/withdraw", new { reason = "Not a vulnerability after all." }, HttpStatusCode.OK);
        _f.Clock.SetUtcNow(release.AddDays(1));
        await Releases.PassAsync(_f);
        Assert.False(await Releases.AnywherePublicAsync(_f.CreateClient(), "FW-2026-9006"));
    }
}
