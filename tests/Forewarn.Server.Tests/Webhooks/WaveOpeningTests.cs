using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// A partner whose lead time opens a wave's content after the wave is told when it opens — not
/// at the wave (nothing is open to it yet), not never — once, even with two servers; and not at
/// all if, by then, the content no longer opens to it.
/// </summary>
public sealed class WaveOpeningTests() : WebhookTestBase(schedulerOff: true)
{
    private Task<int> AnnounceAsync(IServiceProvider? on = null) =>
        (on ?? F.Services).GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(F.Clock.GetUtcNow(), CancellationToken.None);

    private Task<int> WaveNoticesAsync(string partner, string reference)
    {
        var id = new PartnerId(F.PartnerInfo(partner).Id);
        return F.InStoreAsync(db => db.Notices.Join(db.Advisories, n => n.AdvisoryId, a => a.Id, (n, a) => new { n, a.Reference })
            .CountAsync(x => x.n.PartnerId == id && x.n.Kind == NoticeKind.Wave && x.Reference == reference));
    }

    // Released in 20 days, published by a wave in an hour: Validate (notices 14 days before release) from day 6.
    private async Task<(string Reference, DateTimeOffset Wave, DateTimeOffset Opens)> LateWaveAsync(string reference)
    {
        var staff = F.Staff();
        var wave = ForewarnFactory.Start.AddHours(1);
        await Releases.ScheduleAsync(staff, reference, ForewarnFactory.Start.AddDays(20));
        var artifact = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Advance notice", @class = "notice", tlp = "AMBER", text = "A fix ships in twenty days." }, HttpStatusCode.Created);
        await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "initial", at = wave, artifactIds = new[] { (string)artifact["id"]! } }, HttpStatusCode.Created);
        return (reference, wave, ForewarnFactory.Start.AddDays(6));
    }

    [Fact]
    public async Task A_partner_with_a_lead_time_is_told_when_the_content_opens_to_it_once()
    {
        var validate = F.Partner(DemoFacts.Validate);
        var registered = await validate.PostJson("/api/v1/me/webhooks", new { url = Receiver.Url, events = new[] { "wave.published" } }, HttpStatusCode.Created);
        await AnnounceAsync();
        var (reference, wave, opens) = await LateWaveAsync("FW-2026-9601");

        F.Clock.SetUtcNow(wave);
        Assert.Equal(1, await AnnounceAsync());
        Assert.Equal(0, await WaveNoticesAsync(DemoFacts.Validate, reference));
        var validateId = new PartnerId(F.PartnerInfo(DemoFacts.Validate).Id);
        var expected = await F.InStoreAsync(db => db.WaveOpenings.AsNoTracking().SingleAsync(o => o.PartnerId == validateId));
        Assert.Equal(opens, expected.OpensAt);
        Assert.True(await F.Services.GetRequiredService<WaveAnnouncer>().NextWaveAsync(wave, CancellationToken.None) <= opens); // the scheduler wakes for it

        F.Clock.SetUtcNow(opens.AddSeconds(-1));
        await AnnounceAsync();
        Assert.Equal(0, await WaveNoticesAsync(DemoFacts.Validate, reference));

        F.Clock.SetUtcNow(opens);
        await using var second = new SecondServer(F);
        second.Settings["webhooks:sender"] = "off";
        second.Settings["csaf:scheduler"] = "off";
        await Task.WhenAll(AnnounceAsync(), AnnounceAsync(second.Services)); // two servers, one tells
        await AnnounceAsync();
        Assert.Equal(1, await WaveNoticesAsync(DemoFacts.Validate, reference));
        var notices = await validate.GetJson("/api/v1/me/notices");
        Assert.Contains(notices.AsArray(), n => (string?)n!["advisory"] == reference && (string?)n["kind"] == "wave");

        var sender = F.Services.GetRequiredService<WebhookSender>();
        await sender.PassAsync(CancellationToken.None);
        await sender.DrainAsync();
        var got = Assert.Single(Receiver.Requests.Select(r => JsonNode.Parse(r.Text)!), b => (string?)b["data"]!["advisory"] == reference);
        Assert.Equal("wave.published", (string?)got["type"]);
        var opening = await F.InStoreAsync(db => db.WaveOpenings.AsNoTracking().SingleAsync(o => o.PartnerId == validateId));
        Assert.Equal(WaveOpening.Told, opening.Outcome);
        Assert.Equal(opens, opening.SettledAt);
        Assert.NotNull(registered["secret"]);

        // The delivery matrix says when it was told: when the content opened, by notice and webhook.
        var matrix = await F.Staff().GetJson($"/api/v1/advisories/{reference}/waves/1/deliveries");
        var row = matrix["rows"]!.AsArray().Single(r => (string?)r!["partnerId"] == F.PartnerInfo(DemoFacts.Validate).Id.ToString());
        Assert.Equal(opens, (DateTimeOffset?)row!["notifiedAt"]);
        Assert.Equal("notice+webhook", (string?)row["notifiedBy"]);
    }

    [Fact]
    public async Task A_partner_suspended_before_its_content_opens_is_not_told()
    {
        await AnnounceAsync();
        var (reference, wave, opens) = await LateWaveAsync("FW-2026-9602");
        F.Clock.SetUtcNow(wave);
        await AnnounceAsync();

        var id = F.PartnerInfo(DemoFacts.Validate).Id;
        await F.Staff().PostJson($"/api/v1/partners/{id}/status", new { status = "suspended", reason = "Suspected leak under investigation" }, HttpStatusCode.OK);
        F.Clock.SetUtcNow(opens);
        await AnnounceAsync();

        Assert.Equal(0, await WaveNoticesAsync(DemoFacts.Validate, reference));
        var opening = await F.InStoreAsync(db => db.WaveOpenings.AsNoTracking().SingleAsync(o => o.PartnerId == new PartnerId(id)));
        Assert.False(opening.IsPending);
        Assert.NotEqual(WaveOpening.Told, opening.Outcome);
    }
}
