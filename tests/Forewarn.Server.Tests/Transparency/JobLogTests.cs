using System.Net;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// What the server does on its own at a wave's or a release's time is logged exactly once, also
/// when two servers on one store (both schedulers running) race to do it.
/// </summary>
public sealed class JobLogTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Each_release_is_logged_once_when_two_servers_race_for_it()
    {
        var staff = _f.Staff();
        var release = ForewarnFactory.Start.AddHours(1);
        const int count = 6;
        for (var i = 0; i < count; i++)
            await Releases.ScheduleAsync(staff, $"FW-2026-{9300 + i}", release, $"CVE-2026-{41300 + i}");
        await using var second = new SecondServer(_f);
        second.CreateClient();

        _f.Clock.SetUtcNow(release);
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { Releases.PassAsync(_f), Releases.PassAsync(second) }));
        async Task<List<System.Text.Json.Nodes.JsonNode>> ReleasedAsync() =>
            [.. (await LogEntries.OfKindAsync(staff, LogKinds.AdvisoryReleased)).Where(e => ((string)e["entry"]!["reference"]!).StartsWith("FW-2026-93", StringComparison.Ordinal))];
        // The passes staged their entries with their changes; the flush returns once those are in the tree.
        await _f.Services.GetRequiredService<ILogAppender>().FlushAsync(CancellationToken.None);
        await Releases.PassAsync(second); // nothing left to do, so nothing more to log

        var entries = await ReleasedAsync();
        Assert.Equal(count, entries.Count);
        Assert.Equal(count, entries.Select(e => (string)e["entry"]!["reference"]!).Distinct().Count());
        var publications = await _f.InStoreAsync(db => db.Publications.AsNoTracking().Where(p => p.TrackingId.StartsWith("FW-2026-93")).ToListAsync());
        foreach (var p in publications)
        {
            var e = entries.Single(x => (string?)x["entry"]!["reference"] == p.TrackingId)["entry"]!;
            Assert.Equal(1, (int)e["version"]!);
            Assert.Equal(p.Sha256, (string?)e["document_sha256"]);
            Assert.Equal(p.Path, (string?)e["path"]);
            Assert.Equal(p.AdvisoryId.Value.ToString(), (string?)e["advisory"]);
            Assert.Equal("scheduler", (string?)e["actor"]);
            Assert.True((int)e["partners_told"]! > 0);
        }
        Assert.All(entries, e => Assert.Null(e["partner_id"]));
    }

    [Fact]
    public async Task A_wave_is_logged_once_at_its_time_when_two_servers_announce_it()
    {
        var staff = _f.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-9401", ForewarnFactory.Start.AddDays(3));
        var artifact = await staff.PostJson("/api/v1/advisories/FW-2026-9401/artifacts",
            new { title = "Detection rule", @class = "detection", tlp = "AMBER", text = "alert on gw_parser crash" }, HttpStatusCode.Created);
        var waveAt = ForewarnFactory.Start.AddHours(2);
        var wave = await staff.PostJson("/api/v1/advisories/FW-2026-9401/waves",
            new { kind = "initial", at = waveAt, artifactIds = new[] { (string)artifact["id"]! } }, HttpStatusCode.Created);
        await using var second = new SecondServer(_f);
        second.CreateClient();
        Assert.DoesNotContain(await LogEntries.OfKindAsync(staff, LogKinds.WavePublished), e => (string?)e["entry"]!["reference"] == "FW-2026-9401");

        _f.Clock.SetUtcNow(waveAt);
        Task<int> Announce(IServiceProvider on) => on.GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(waveAt, CancellationToken.None);
        await Task.WhenAll(Announce(_f.Services), Announce(second.Services), Announce(_f.Services), Announce(second.Services));
        async Task<List<System.Text.Json.Nodes.JsonNode>> WaveEntriesAsync() =>
            [.. (await LogEntries.OfKindAsync(staff, LogKinds.WavePublished)).Where(e => (string?)e["entry"]!["reference"] == "FW-2026-9401")];
        await _f.Services.GetRequiredService<ILogAppender>().FlushAsync(CancellationToken.None);
        await Announce(second.Services);

        var entry = Assert.Single(await WaveEntriesAsync());
        var body = entry["entry"]!;
        Assert.Equal((string?)wave["id"], (string?)body["wave"]);
        Assert.Equal(1, (int)body["number"]!);
        Assert.Equal("initial", (string?)body["wave_kind"]);
        Assert.Equal([(string)artifact["id"]!], body["artifacts"]!.AsArray().Select(a => (string)a!));
        var recipients = await _f.InStoreAsync(db => db.WaveAnnouncements.AsNoTracking()
            .Join(db.Advisories, w => w.AdvisoryId, a => a.Id, (w, a) => new { w.Recipients, a.Reference }).SingleAsync(x => x.Reference == "FW-2026-9401"));
        Assert.Equal(recipients.Recipients, (int)body["recipients"]!);
        Assert.True(recipients.Recipients > 0);
        Assert.Null(body["silent"]);
        Assert.Equal("scheduler", (string?)body["actor"]);
    }
}
