using System.Security.Cryptography;
using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Provider;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Mail;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Hosting;
using Forewarn.Server.Mail;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Publishes every public CSAF document that is due: at an advisory's release time its first
/// version, after each later revision the next. Each publication is written with the notices to
/// partners in one transaction, guarded by the unique (advisory, version) index — so when several
/// servers try at once, exactly one succeeds and the others step aside. The one that succeeded
/// logs the publication (<c>advisory.released</c>, or <c>advisory.revised</c> for later versions).
/// </summary>
public sealed class ReleasePublisher(IServiceScopeFactory scopes, TimeProvider clock, ProgramSigningKey signingKey,
    CsafSettings settings, MailOutbox mailOutbox, ILogger<ReleasePublisher> log)
{
    /// <summary>Publishes what is due now; returns how many documents this server published.</summary>
    public Task<int> PublishDueAsync(CancellationToken ct) => PublishDueAsync(clock.GetUtcNow(), ct);

    /// <summary>Publishes what is due at <paramref name="now"/> (not later than the clock); returns how many documents this server published.</summary>
    public async Task<int> PublishDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<Advisory> candidates;
        Dictionary<AdvisoryId, int> published;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            candidates = await db.Advisories.AsNoTracking().Where(a => a.ScheduledAt != null && a.ReleaseAt <= now).ToListAsync(ct);
            if (candidates.Count == 0) return 0;
            published = await db.Publications.AsNoTracking().GroupBy(p => p.AdvisoryId)
                .Select(g => new { g.Key, Version = g.Max(p => p.Version) })
                .ToDictionaryAsync(x => x.Key, x => x.Version, ct);
        }
        var due = candidates.Where(a => ReleaseSchedule.IsDue(a, published.GetValueOrDefault(a.Id), now)).ToList();
        if (due.Count == 0) return 0;
        var partners = await ReceivingPartnersAsync(now, ct);
        var count = 0;
        foreach (var advisory in due)
        {
            if (await PublishAsync(advisory, partners, now, ct)) count++;
        }
        return count;
    }

    /// <summary>
    /// The first coordinated release time after <paramref name="after"/>, if any. Give the moment
    /// the last pass looked at, not the clock now: a release time that passed in between is then
    /// still found (and found due), instead of falling through the gap between the two reads.
    /// </summary>
    public async Task<DateTimeOffset?> NextReleaseAsync(DateTimeOffset after, CancellationToken ct)
    {
        var now = after;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var upcoming = await db.Advisories.AsNoTracking()
            .Where(a => a.ScheduledAt != null && a.WithdrawnAt == null && a.ReleaseAt > now)
            .Select(a => a.ReleaseAt).ToListAsync(ct);
        return upcoming.Count == 0 ? null : upcoming.Min();
    }

    private async Task<bool> PublishAsync(Advisory advisory, IReadOnlyList<PartnerId> partners, DateTimeOffset now, CancellationToken ct)
    {
        var version = ReleaseSchedule.PublicVersionAt(advisory, now);
        var path = $"{advisory.ReleaseAt.UtcDateTime.Year:D4}/{CsafFileName.For(advisory.Reference)}";
        // The bytes are signed once, so the canonical URL can only be stated when the public URL is configured.
        var canonical = settings.PublicUrl is { } url ? $"{new ProviderLayout(url).WhiteFolderUrl}/{path}" : null;
        var document = CsafExport.Public(advisory, Publisher(), now, canonical);
        var bytes = CsafExport.Bytes(document);
        var current = ReleaseSchedule.PublicRevisions(advisory, now).Select(r => r.At).DefaultIfEmpty(advisory.ReleaseAt).Max();
        var signature = await signingKey.SignAsync(bytes, now, ct);
        var publication = Publication.Of(advisory.Id, advisory.Reference, version, advisory.Title, path, bytes,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(SHA512.HashData(bytes)), signature,
            advisory.ReleaseAt, current, now);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        // Another server usually got there first when this one was slow to look: step aside quietly.
        // Two at the very same moment are settled by the unique index below.
        if (await db.Publications.AnyAsync(p => p.AdvisoryId == advisory.Id && p.Version == version, ct)) return false;
        var (kind, text) = version == 1
            ? (NoticeKind.Released, $"{advisory.Reference} is released: the embargo has ended and its public advisory is published (version 1).")
            : (NoticeKind.Revised, $"{advisory.Reference} was revised after release: its public advisory is now version {version}.");
        var notices = partners.Select(p => Notice.To(p, advisory.Id, kind, text, now)).ToList();
        var webhooks = await WebhookOutboxWriter.DeliveriesAsync(db, partners,
            version == 1 ? WebhookEvents.AdvisoryReleased : WebhookEvents.AdvisoryRevised,
            WebhookOutboxWriter.AdvisoryData(advisory.Reference, text, version, $"{ProviderLayout.WellKnownPath}/{ProviderLayout.WhiteFolder}/{path}"),
            now, ct);
        // The release opens the advisory to every partner no wave told of before: their users are mailed now.
        IReadOnlyList<MailMessage> mail = version == 1 ? await mailOutbox.AdvisoryOpenedAsync(db, advisory, partners, now, ct) : [];
        try
        {
            // The publication first (its unique key makes the release happen once) with its log
            // entry, then a notice and a delivery per partner in bulk — one transaction: all of it or none.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.Publications.Add(publication);
                db.Stage(LogEvents.AdvisoryReleased(publication, partners.Count));
                await db.SaveChangesAsync(ct);
                await BulkInsert.AddAsync(db, notices, ct);
                await BulkInsert.AddAsync(db, webhooks, ct);
                await BulkInsert.AddAsync(db, mail, ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch (DbUpdateException e) when (StoreErrors.IsUniqueViolation(e))
        {
            log.LogDebug("{Reference} version {Version} was published by another server", advisory.Reference, version);
            return false;
        }
        Telemetry.Releases.Add(1);
        // The commit woke the webhook sender and waited until the entry is in the tree (ChangeFollowUp).
        log.LogInformation("Published {Reference} version {Version} at {Path}; {Count} partners told",
            advisory.Reference, version, path, partners.Count);
        return true;
    }

    private async Task<IReadOnlyList<PartnerId>> ReceivingPartnersAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var all = await db.Partners.AsNoTracking().ToListAsync(ct);
        return [.. all.Where(p => p.StatusAt(now).Receives()).Select(p => p.Id)];
    }

    internal CsafPublisher Publisher() =>
        new(settings.PublisherName, settings.PublisherNamespace, "vendor", settings.ContactDetails, settings.IssuingAuthority);
}
