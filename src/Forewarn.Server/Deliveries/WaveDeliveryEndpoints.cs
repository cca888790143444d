using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Deliveries;

public sealed record PartnerDeliveryDto(Guid PartnerId, string Partner, string Status, DateTimeOffset? MadeAvailableAt,
    DateTimeOffset? OpensAt, DateTimeOffset? NotifiedAt, string? NotifiedBy, DateTimeOffset? FirstFetchedAt, string? FetchChannel,
    DateTimeOffset? AcknowledgedAt, double? HoursSinceNotice);

public sealed record WaveDeliveriesDto(string Advisory, int Wave, string Kind, DateTimeOffset At, DateTimeOffset? AnnouncedAt,
    int Partners, int Notified, int Fetched, int Acknowledged, IReadOnlyList<PartnerDeliveryDto> Rows);

/// <summary>
/// For one wave and every partner it concerns: when its content was made available to the
/// partner, when the partner was told (notice, and webhook when delivered), when it first
/// fetched any of it on any channel, and when it acknowledged the advisory. Who has not
/// acknowledged comes first, longest since notice first.
/// </summary>
public static class WaveDeliveryEndpoints
{
    public static void MapWaveDeliveries(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisories/{id}/waves/{number:int}/deliveries", Show).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Delivery matrix of a wave: made available, notified, first fetched, acknowledged — per partner");
        // The wave's id, as an advisory's waves list it, names the same wave.
        api.MapGet("/waves/{id:guid}/deliveries", ShowById).WithTags("Waves").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Delivery matrix of a wave named by its id");
    }

    private static async Task<Ok<WaveDeliveriesDto>> Show(string id, int number, ForewarnDb db, PartnerView view, RequestFacts requestFacts,
        TimeProvider clock, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var wave = await db.Waves.AsNoTracking().FirstOrDefaultAsync(w => w.AdvisoryId == advisory.Id && w.Number == number, ct)
                   ?? throw new NotFoundException("wave", $"{advisory.Reference}/{number}");
        return TypedResults.Ok(await MatrixAsync(advisory, wave, db, view, requestFacts, clock.GetUtcNow(), ct));
    }

    private static async Task<Ok<WaveDeliveriesDto>> ShowById(Guid id, ForewarnDb db, PartnerView view, RequestFacts requestFacts,
        TimeProvider clock, CancellationToken ct)
    {
        var waveId = new WaveId(id);
        var wave = await db.Waves.AsNoTracking().FirstOrDefaultAsync(w => w.Id == waveId, ct)
                   ?? throw new NotFoundException("wave", id.ToString());
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == wave.AdvisoryId, ct);
        return TypedResults.Ok(await MatrixAsync(advisory, wave, db, view, requestFacts, clock.GetUtcNow(), ct));
    }

    private static async Task<WaveDeliveriesDto> MatrixAsync(Advisory advisory, Wave wave, ForewarnDb db, PartnerView view,
        RequestFacts requestFacts, DateTimeOffset now, CancellationToken ct)
    {
        var announcement = await db.WaveAnnouncements.AsNoTracking().FirstOrDefaultAsync(a => a.WaveId == wave.Id, ct);
        var artifactIds = wave.ArtifactIds.ToList();
        var ids = artifactIds.Select(a => (Guid?)a.Value).ToList();
        var fetches = (await db.LogEntries.AsNoTracking().Where(e => e.Kind == LogKinds.ContentServed && ids.Contains(e.ArtifactId)).ToListAsync(ct))
            .Select(e => AccessRecord.FromEntry(e.Body)).GroupBy(r => r.PartnerId).ToDictionary(g => g.Key, g => g.MinBy(r => r.At)!);
        var acks = await db.Acknowledgements.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToDictionaryAsync(a => a.PartnerId, ct);
        var announcedAt = announcement?.AnnouncedAt;
        var notices = announcedAt is null ? [] : await db.Notices.AsNoTracking()
            .Where(n => n.AdvisoryId == advisory.Id && n.Kind == NoticeKind.Wave && n.At == announcedAt).Select(n => n.PartnerId).ToListAsync(ct);
        // Partners the content opened to after the wave were told when it opened (WaveOpenings).
        var toldLater = (await db.WaveOpenings.AsNoTracking().Where(o => o.WaveId == wave.Id && o.Outcome == WaveOpening.Told)
            .Select(o => new { o.PartnerId, o.SettledAt }).ToListAsync(ct)).ToDictionary(o => o.PartnerId, o => o.SettledAt!.Value);
        var times = toldLater.Values.Append(announcedAt ?? DateTimeOffset.MinValue).Distinct().ToList();
        var hooks = announcedAt is null ? [] : await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EventType == WebhookEvents.WavePublished && times.Contains(d.CreatedAt) && d.State == DeliveryState.Delivered)
            .ToListAsync(ct);

        var rows = new List<PartnerDeliveryDto>();
        foreach (var partner in (await requestFacts.GetAsync(ct)).Partners.Values)
        {
            var seen = await view.AdvisoriesAsync(partner, now, advisory.Id, ct);
            var items = seen.Items.SelectMany(a => a.Artifacts).Where(a => artifactIds.Contains(new ArtifactId(a.Id))).ToList();
            var fetched = fetches.GetValueOrDefault(partner.Id);
            if (items.Count == 0 && fetched is null) continue;
            var available = items.Where(a => a.Open).Select(a => a.OpensAt).Min();
            var opens = items.Where(a => !a.Open).Select(a => a.OpensAt).Min();
            DateTimeOffset? notified = notices.Contains(partner.Id) ? announcedAt
                : toldLater.TryGetValue(partner.Id, out var opened) ? opened : null;
            var hook = hooks.Where(h => h.PartnerId == partner.Id && h.CreatedAt == notified).Select(h => h.DeliveredAt).Min();
            var by = hook is not null ? "notice+webhook" : notified is not null ? "notice" : null;
            var ack = acks.GetValueOrDefault(partner.Id)?.At;
            rows.Add(new PartnerDeliveryDto(partner.Id.Value, partner.LegalName, partner.StatusAt(now).ToString().ToLowerInvariant(),
                available, opens, notified, by, fetched?.At, fetched?.Channel, ack,
                ack is null && notified is { } n ? Math.Round((now - n).TotalHours, 1) : null));
        }
        var ordered = rows.OrderBy(r => r.AcknowledgedAt is not null).ThenByDescending(r => r.HoursSinceNotice ?? -1).ThenBy(r => r.Partner).ToList();
        return new WaveDeliveriesDto(advisory.Reference, wave.Number, wave.Kind.ToString().ToLowerInvariant(), wave.At, announcedAt,
            rows.Count, rows.Count(r => r.NotifiedAt is not null), rows.Count(r => r.FirstFetchedAt is not null),
            rows.Count(r => r.AcknowledgedAt is not null), ordered);
    }
}
