using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Deliveries;

public sealed record PartnerDeliveryDto(Guid PartnerId, string Partner, string Status, DateTimeOffset? MadeAvailableAt,
    DateTimeOffset? OpensAt, DateTimeOffset? NotifiedAt, string? NotifiedBy, DateTimeOffset? FirstFetchedAt, string? FetchChannel,
    DateTimeOffset? AcknowledgedAt, double? HoursSinceNotice, IReadOnlyDictionary<string, DateTimeOffset>? FirstFetchedByClass = null);

public sealed record WaveDeliveriesDto(string Advisory, int Wave, string Kind, DateTimeOffset At, DateTimeOffset? AnnouncedAt,
    int Partners, int Notified, int Fetched, int Acknowledged, IReadOnlyList<PartnerDeliveryDto> Rows);

/// <summary>
/// The delivery matrix of one wave, which the API (<see cref="WaveDeliveryEndpoints"/>) and the
/// staff portal both show: per partner the wave concerns, when its content was made available,
/// when the partner was told, when it first fetched (any item, and per content class), when it acknowledged.
/// </summary>
public static class WaveDeliveryMatrix
{
    public static async Task<WaveDeliveriesDto> OfAsync(Advisory advisory, Wave wave, ForewarnDb db, PartnerView view,
        RequestFacts requestFacts, DateTimeOffset now, CancellationToken ct)
    {
        var announcement = await db.WaveAnnouncements.AsNoTracking().FirstOrDefaultAsync(a => a.WaveId == wave.Id, ct);
        var artifactIds = wave.ArtifactIds.ToList();
        var ids = artifactIds.Select(a => (Guid?)a.Value).ToList();
        var served = (await db.LogEntries.AsNoTracking().Where(e => e.Kind == LogKinds.ContentServed && ids.Contains(e.ArtifactId)).ToListAsync(ct))
            .Select(e => AccessRecord.FromEntry(e.Body)).ToList();
        var fetches = served.GroupBy(r => r.PartnerId).ToDictionary(g => g.Key, g => g.MinBy(r => r.At)!);
        // Which content class each item is, so a row can say what the partner fetched (a PoC, or only the notice).
        var classes = await db.Artifacts.AsNoTracking().Where(a => artifactIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Class.Name(), ct);
        var byClass = served.GroupBy(r => r.PartnerId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, DateTimeOffset>)g
            .Where(r => classes.ContainsKey(r.ArtifactId)).GroupBy(r => classes[r.ArtifactId]).ToDictionary(c => c.Key, c => c.Min(r => r.At)));
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
                ack is null && notified is { } n ? Math.Round((now - n).TotalHours, 1) : null,
                byClass.GetValueOrDefault(partner.Id) ?? new Dictionary<string, DateTimeOffset>()));
        }
        var ordered = rows.OrderBy(r => r.AcknowledgedAt is not null).ThenByDescending(r => r.HoursSinceNotice ?? -1).ThenBy(r => r.Partner).ToList();
        return new WaveDeliveriesDto(advisory.Reference, wave.Number, wave.Kind.ToString().ToLowerInvariant(), wave.At, announcedAt,
            rows.Count, rows.Count(r => r.NotifiedAt is not null), rows.Count(r => r.FirstFetchedAt is not null),
            rows.Count(r => r.AcknowledgedAt is not null), ordered);
    }
}
