using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Tests.Tracing;
using Forewarn.Server.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// No webhook payload carries an artifact's text — only what is new and where to fetch it — so no
/// channel hands out an unmarked copy of a fingerprinted artifact behind the marking's back. If an
/// event ever carries text, it must carry the recipient's marked copy, and this test says so first.
/// </summary>
public sealed class NoArtifactTextInPayloadsTests() : WebhookTestBase(schedulerOff: true)
{
    [Fact]
    public async Task No_payload_of_a_wave_a_release_or_a_status_change_carries_any_artifacts_text()
    {
        var staff = F.Staff();
        foreach (var name in new[] { DemoFacts.Trusted, DemoFacts.Validate, "Fjordwatch" })
            await F.Partner(name).PostJson("/api/v1/me/webhooks", new { url = Receiver.Url }, HttpStatusCode.Created);
        var announcer = F.Services.GetRequiredService<WaveAnnouncer>();
        await announcer.AnnounceDueAsync(F.Clock.GetUtcNow(), CancellationToken.None);

        // An advisory with every fingerprinted class, published by a wave, then released.
        const string reference = "FW-2026-9601";
        var releaseAt = ForewarnFactory.Start.AddDays(3);
        await Releases.ScheduleAsync(staff, reference, releaseAt);
        var ids = new List<string>();
        foreach (var (cls, text) in new[] { ("description", TracingSamples.Advisory), ("mitigation", TracingSamples.Description), ("detection", TracingSamples.Description) })
            ids.Add((string)(await staff.PostJson($"/api/v1/advisories/{reference}/artifacts", new { title = $"The {cls}", @class = cls, tlp = "amber", text }, HttpStatusCode.Created))["id"]!);
        ids.Add((string)(await staff.PostJson($"/api/v1/advisories/{reference}/artifacts", new
        {
            title = "PoC", @class = "poc", tlp = "red", text = TracingSamples.PythonPoc, mediaType = "text/x-python", fileName = "halcyon_overflow.py",
        }, HttpStatusCode.Created))["id"]!);
        var waveAt = ForewarnFactory.Start.AddHours(2);
        await staff.PostJson($"/api/v1/advisories/{reference}/waves", new { kind = "initial", at = waveAt, artifactIds = ids }, HttpStatusCode.Created);
        F.Clock.SetUtcNow(waveAt);
        Assert.Equal(1, await announcer.AnnounceDueAsync(F.Clock.GetUtcNow(), CancellationToken.None));
        F.Clock.SetUtcNow(releaseAt.AddMinutes(1));
        await announcer.AnnounceDueAsync(F.Clock.GetUtcNow(), CancellationToken.None);
        await Releases.PassAsync(F);
        var fjordwatch = F.PartnerInfo("Fjordwatch").Id;
        await staff.PostJson($"/api/v1/partners/{fjordwatch}/status", new { status = "probation", reason = "Late reports" }, HttpStatusCode.OK);

        var sender = F.Services.GetRequiredService<WebhookSender>();
        await sender.PassAsync(CancellationToken.None);
        await sender.DrainAsync();
        var stored = await F.InStoreAsync(db => db.WebhookDeliveries.AsNoTracking().Select(d => d.Payload).ToListAsync());
        var payloads = stored.Concat(Receiver.Requests.Select(r => Encoding.UTF8.GetString(r.Body))).ToList();
        var events = stored.Select(p => (string)JsonNode.Parse(p)!["type"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "wave.published", "advisory.released", "partner.status_changed" }, events);
        Assert.NotEmpty(Receiver.Requests);

        // Every line of every artifact in the store (the demo's too) that is long enough to be its text, not a title.
        var texts = await F.InStoreAsync(db => db.ArtifactContents.AsNoTracking().Select(c => c.Bytes).ToListAsync());
        var lines = texts.SelectMany(t => Encoding.UTF8.GetString(t).Split('\n')).Select(l => l.Trim()).Where(l => l.Length >= 30).Distinct().ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} lines of artifact text");
        var said = payloads.Select(p => string.Join("\n", Strings(JsonNode.Parse(p)))).ToList();
        foreach (var line in lines) Assert.DoesNotContain(said, s => s.Contains(line, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
