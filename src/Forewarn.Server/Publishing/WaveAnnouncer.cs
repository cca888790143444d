using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Mail;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Mail;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Tells partners when a wave's time comes: each receiving partner to whom something the wave
/// publishes is open gets a notice and a <c>wave.published</c> webhook, written together with
/// the wave's announcement row — whose key lets only one server announce a wave. Waves that
/// only a late server sees after the advisory went public are recorded silently. The server
/// that wrote the row logs the wave (<c>wave.published</c>), so each wave is logged once.
/// </summary>
public sealed class WaveAnnouncer(IServiceScopeFactory scopes, WaveOpenings openings, MailOutbox mailOutbox,
    ILogger<WaveAnnouncer> log)
{
    /// <summary>Announces every wave due at <paramref name="now"/> and not yet announced; returns how many this server announced.</summary>
    public async Task<int> AnnounceDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<Wave> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            var announced = db.WaveAnnouncements.Select(a => a.WaveId);
            due = await db.Waves.AsNoTracking()
                .Where(w => w.At <= now && w.Kind != WaveKind.Notice && !announced.Contains(w.Id))
                .ToListAsync(ct);
        }
        var count = 0;
        foreach (var wave in due.OrderBy(w => w.At))
        {
            if (await AnnounceAsync(wave, now, ct)) count++;
        }
        await openings.SettleDueAsync(now, ct);
        return count;
    }

    /// <summary>The first wave time, or time a wave's content opens to a partner, after <paramref name="after"/>, if any.</summary>
    public async Task<DateTimeOffset?> NextWaveAsync(DateTimeOffset after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var times = await db.Waves.AsNoTracking().Where(w => w.At > after && w.Kind != WaveKind.Notice).Select(w => w.At).ToListAsync(ct);
        var openings = await db.WaveOpenings.AsNoTracking().Where(o => o.SettledAt == null).Select(o => o.OpensAt).ToListAsync(ct);
        times.AddRange(openings.Select(t => t > after ? t : after.AddSeconds(1)));
        return times.Count == 0 ? null : times.Min();
    }

    private async Task<bool> AnnounceAsync(Wave wave, DateTimeOffset now, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var facts = await scope.ServiceProvider.GetRequiredService<RequestFacts>().GetAsync(ct);
        if (!facts.AdvisoriesById.TryGetValue(wave.AdvisoryId, out var advisory))
            return await SaveAsync(db, WaveAnnouncement.Of(wave.Id, wave.AdvisoryId, wave.At, now, 0, "advisory not served (withdrawn)"), wave, null, ct: ct);
        if (advisory.ScheduledAt is not null && now >= advisory.ReleaseAt && wave.At < advisory.ReleaseAt)
            return await SaveAsync(db, WaveAnnouncement.Of(wave.Id, wave.AdvisoryId, wave.At, now, 0, "advisory already released when first seen"), wave,
                advisory.Reference, ct: ct);

        // Each receiving partner to whom one of the wave's artifacts is open now is told now; one to
        // whom one opens later (a lead time, a contract) is told when it opens (WaveOpenings).
        var waves = facts.WavesOf[advisory.Id].ToList();
        var published = facts.ArtifactsOf[advisory.Id].Where(a => wave.ArtifactIds.Contains(a.Id)).ToList();
        var recipients = new List<PartnerId>();
        var later = new List<WaveOpening>();
        foreach (var partner in facts.Partners.Values)
        {
            var (open, opensAt) = WaveOpenings.Check(facts, partner, advisory, published, waves, now);
            if (open) recipients.Add(partner.Id);
            else if (opensAt is { } at) later.Add(WaveOpening.Expect(wave.Id, advisory.Id, partner.Id, at));
        }
        var notices = recipients.Select(p => Notice.To(p, advisory.Id, NoticeKind.Wave, WaveOpenings.Text(wave, advisory), now)).ToList();
        var audience = watch.Elapsed;
        var webhooks = await WebhookOutboxWriter.DeliveriesAsync(db, recipients, WebhookEvents.WavePublished,
            WaveOpenings.Data(wave, advisory), now, ct);
        // Partners to whom the advisory opens with this wave (told of no earlier one): a mail to each of their users.
        var mail = await mailOutbox.AdvisoryOpenedAsync(db, advisory, recipients, now, ct);
        var saved = await SaveAsync(db, WaveAnnouncement.Of(wave.Id, wave.AdvisoryId, wave.At, now, recipients.Count), wave,
            advisory.Reference, notices, webhooks, later, mail, ct);
        if (saved)
            log.LogInformation("Wave {Number} of {Advisory} announced to {Recipients} partners with {Webhooks} webhooks in {Total} ms (facts and audience {Audience} ms)",
                wave.Number, advisory.Reference, recipients.Count, webhooks.Count, (int)watch.Elapsed.TotalMilliseconds, (int)audience.TotalMilliseconds);
        return saved;
    }

    /// <summary>
    /// The announcement row first (its key lets one server announce a wave), then a row per
    /// recipient in bulk, and the wave's log entry — one transaction, so either all of it is
    /// written or none (and only by the server whose row it was).
    /// </summary>
    private async Task<bool> SaveAsync(ForewarnDb db, WaveAnnouncement announcement, Wave wave, string? reference,
        IReadOnlyList<Notice>? notices = null, IReadOnlyList<WebhookDelivery>? webhooks = null, IReadOnlyList<WaveOpening>? later = null,
        IReadOnlyList<MailMessage>? mail = null, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.WaveAnnouncements.Add(announcement);
                db.Stage(LogEvents.WavePublished(wave, reference, announcement, later?.Count ?? 0));
                await db.SaveChangesAsync(ct);
                await BulkInsert.AddAsync(db, notices ?? [], ct);
                await BulkInsert.AddAsync(db, webhooks ?? [], ct);
                await BulkInsert.AddAsync(db, later ?? [], ct);
                await BulkInsert.AddAsync(db, mail ?? [], ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch (DbUpdateException e) when (StoreErrors.IsUniqueViolation(e))
        {
            log.LogDebug("Wave {Wave} was announced by another server", wave.Id);
            return false;
        }
        // The commit woke the webhook sender and waited for the log entry (ChangeFollowUp).
        return true;
    }
}
