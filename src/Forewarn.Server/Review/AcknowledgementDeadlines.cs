using System.Text.Json.Nodes;
using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Tiers;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Review;

/// <summary>A partner that has not acknowledged an advisory within its tier's deadline.</summary>
public sealed record OverdueAcknowledgement(Partner Partner, Guid AdvisoryId, string Advisory, DateTimeOffset ToldAt, DateTimeOffset DueAt,
    DateTimeOffset? RemindedAt);

/// <summary>
/// Acknowledgement deadlines: a partner first told of an advisory (its first wave notice) has its
/// tier's <c>acknowledgeWithin</c> to acknowledge it. Those past the deadline, of advisories not
/// yet released, are listed for staff and reminded once (a webhook and a log entry); a reminder row
/// per partner and advisory, unique in the store, makes "once" hold across servers and restarts.
/// </summary>
public sealed class AcknowledgementDeadlines(ForewarnDb db, TimeProvider clock)
{
    public const string ReminderEvent = WebhookEvents.AcknowledgementDue;

    public async Task<IReadOnlyList<OverdueAcknowledgement>> OverdueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var advisories = await db.Advisories.AsNoTracking().Where(a => a.ScheduledAt != null && a.WithdrawnAt == null && a.ReleaseAt > now)
            .Select(a => new { a.Id, a.Reference }).ToListAsync(ct);
        if (advisories.Count == 0) return [];
        var ids = advisories.Select(a => a.Id).ToList();
        var told = (await db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.Wave && ids.Contains(n.AdvisoryId))
                .Select(n => new { n.PartnerId, n.AdvisoryId, n.At }).ToListAsync(ct))
            .GroupBy(n => (n.PartnerId, n.AdvisoryId)).ToDictionary(g => g.Key, g => g.Min(n => n.At));
        var acknowledged = (await db.Acknowledgements.AsNoTracking().Where(a => ids.Contains(a.AdvisoryId))
            .Select(a => new { a.PartnerId, a.AdvisoryId }).ToListAsync(ct)).Select(a => (a.PartnerId, a.AdvisoryId)).ToHashSet();
        var reminded = (await db.AcknowledgementReminders.AsNoTracking().Where(r => ids.Contains(r.AdvisoryId)).ToListAsync(ct))
            .ToDictionary(r => (r.PartnerId, r.AdvisoryId), r => r.RemindedAt);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var tiers = await db.Tiers.AsNoTracking().ToDictionaryAsync(t => t.Name, StringComparer.OrdinalIgnoreCase, ct);
        var references = advisories.ToDictionary(a => a.Id, a => a.Reference);
        var overdue = new List<OverdueAcknowledgement>();
        foreach (var ((partnerId, advisory), at) in told)
        {
            if (acknowledged.Contains((partnerId, advisory)) || !partners.TryGetValue(partnerId, out var partner) || !partner.StatusAt(now).Receives())
                continue;
            var due = at + (tiers.GetValueOrDefault(partner.Tier)?.AcknowledgeWithin ?? Tier.DefaultAcknowledgeWithin);
            if (due > now) continue;
            overdue.Add(new OverdueAcknowledgement(partner, advisory.Value, references[advisory], at, due,
                reminded.TryGetValue((partnerId, advisory), out var r) ? r : null));
        }
        return [.. overdue.OrderBy(o => o.DueAt).ThenBy(o => o.Partner.LegalName, StringComparer.Ordinal)];
    }

    /// <summary>Reminds, once each, the overdue partners not yet reminded; returns how many were.</summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var o in (await OverdueAsync(ct)).Where(o => o.RemindedAt is null))
        {
            var advisory = new AdvisoryId(o.AdvisoryId);
            db.AcknowledgementReminders.Add(AcknowledgementReminder.Of(o.Partner.Id, advisory, o.DueAt, now));
            await WebhookOutboxWriter.EnqueueAsync(db, [o.Partner.Id], ReminderEvent, new JsonObject
            {
                ["partner"] = o.Partner.Id.ToString(),
                ["advisory"] = o.AdvisoryId.ToString(),
                ["reference"] = o.Advisory,
                ["told_at"] = o.ToldAt.ToString("O"),
                ["due_at"] = o.DueAt.ToString("O"),
                ["message"] = $"Please acknowledge {o.Advisory}: it was due by {Moments.Show(o.DueAt)}.",
                ["links"] = new JsonObject { ["acknowledge"] = $"/api/v1/me/advisories/{o.AdvisoryId}/acknowledge" },
            }, now, ct);
            db.Stage(LogEvents.AcknowledgementReminded(o.Partner, advisory, o.Advisory, o.DueAt, now));
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another server reminded this partner of this advisory first.
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }
}

/// <summary>Runs <see cref="AcknowledgementDeadlines.RemindAsync"/> every minute on each server.</summary>
public sealed class AcknowledgementReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AcknowledgementReminders> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AcknowledgementDeadlines>().RemindAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Reminding partners of acknowledgements failed; retrying");
            }
            try
            {
                await Task.Delay(Poll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
