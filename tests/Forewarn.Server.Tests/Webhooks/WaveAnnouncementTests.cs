using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// When a wave's time comes, the partners to whom it opens something are told — a notice and a
/// signed wave.published webhook — once, and nobody else is; old waves of a released advisory
/// are recorded without telling anyone.
/// </summary>
public sealed class WaveAnnouncementTests() : WebhookTestBase(schedulerOff: true)
{
    private Task<int> AnnounceAsync() =>
        F.Services.GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(F.Clock.GetUtcNow(), CancellationToken.None);

    [Fact]
    public async Task A_wave_is_announced_at_its_time_once_to_those_it_opens_something_to()
    {
        var staff = F.Staff();
        var trusted = F.Partner(DemoFacts.Trusted);
        var registered = await trusted.PostJson("/api/v1/me/webhooks", new { url = Receiver.Url, events = new[] { "wave.published" } }, HttpStatusCode.Created);
        var secret = (string)registered["secret"]!;
        await AnnounceAsync(); // whatever the demo has due at the start

        await Releases.ScheduleAsync(staff, "FW-2026-9501", ForewarnFactory.Start.AddDays(3));
        var artifact = await staff.PostJson("/api/v1/advisories/FW-2026-9501/artifacts",
            new { title = "Detection rule", @class = "detection", tlp = "AMBER", text = "alert on gw_parser crash" }, HttpStatusCode.Created);
        var waveAt = ForewarnFactory.Start.AddHours(2);
        await staff.PostJson("/api/v1/advisories/FW-2026-9501/waves",
            new { kind = "initial", at = waveAt, artifactIds = new[] { (string)artifact["id"]! } }, HttpStatusCode.Created);

        F.Clock.SetUtcNow(waveAt.AddTicks(-1));
        Assert.Equal(0, await AnnounceAsync());
        F.Clock.SetUtcNow(waveAt);
        Assert.Equal(1, await AnnounceAsync());
        Assert.Equal(0, await AnnounceAsync());

        var notices = await trusted.GetJson("/api/v1/me/notices");
        Assert.Contains(notices.AsArray(), n => (string?)n!["advisory"] == "FW-2026-9501" && (string?)n["kind"] == "wave");
        var suspendedId = new Domain.Common.PartnerId(F.PartnerInfo(DemoFacts.Suspended).Id);
        Assert.Equal(0, await F.InStoreAsync(db => db.Notices.CountAsync(n => n.PartnerId == suspendedId && n.Kind == NoticeKind.Wave)));
        var announcement = await F.InStoreAsync(db => db.WaveAnnouncements.AsNoTracking()
            .Join(db.Advisories, w => w.AdvisoryId, a => a.Id, (w, a) => new { w, a.Reference }).SingleAsync(x => x.Reference == "FW-2026-9501"));
        Assert.True(announcement.w.Recipients > 0);
        Assert.Equal(announcement.w.Recipients,
            await F.InStoreAsync(db => db.Notices.CountAsync(n => n.AdvisoryId == announcement.w.AdvisoryId && n.Kind == NoticeKind.Wave)));

        var sender = F.Services.GetRequiredService<WebhookSender>();
        await sender.PassAsync(CancellationToken.None);
        await sender.DrainAsync();
        var got = Receiver.Requests.Select(r => JsonNode.Parse(r.Text)!).Single(b => (string?)b["data"]!["advisory"] == "FW-2026-9501");
        Assert.Equal("wave.published", (string?)got["type"]);
        Assert.Equal(1, (int?)got["data"]!["wave"]);
        Assert.DoesNotContain("gw_parser", got.ToJsonString(), StringComparison.Ordinal); // says where to look, never the content
        Assert.All(Receiver.Requests, r => Assert.Equal(WebhookVerdict.Valid, r.Verify([secret], F.Clock.GetUtcNow())));
    }

    [Fact]
    public async Task Old_waves_of_a_released_advisory_are_recorded_without_telling_anyone()
    {
        await F.Staff().GetJson("/api/v1/advisories");
        await AnnounceAsync();
        var replay = await F.InStoreAsync(db => db.Advisories.AsNoTracking().SingleAsync(a => a.Reference == DemoFacts.Replay));
        var rows = await F.InStoreAsync(db => db.WaveAnnouncements.AsNoTracking().Where(w => w.AdvisoryId == replay.Id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(0, r.Recipients));
        Assert.All(rows, r => Assert.NotNull(r.Silent));
        Assert.Equal(0, await F.InStoreAsync(db => db.Notices.CountAsync(n => n.AdvisoryId == replay.Id && n.Kind == NoticeKind.Wave)));
    }
}
