using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Mail;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Tells a partner about a wave when its content opens to that partner, if that is after the
/// wave: at its time each pending opening is checked against the facts of that moment — open:
/// the partner gets the wave's notice and <c>wave.published</c> webhook, in the transaction that
/// settles the opening; opening later after all: it moves; never: it is dropped, with the reason.
/// Settling checks the row is still pending, so with several servers one tells.
/// </summary>
public sealed class WaveOpenings(IServiceScopeFactory scopes, MailOutbox mail, ILogger<WaveOpenings> log)
{
    private const int Batch = 500;

    /// <summary>Whether one of <paramref name="published"/> is open to the partner now, else when the first opens (if ever).</summary>
    public static (bool Open, DateTimeOffset? OpensAt) Check(ProgramFacts facts, Partner partner, Advisory advisory,
        IReadOnlyList<Artifact> published, IReadOnlyList<Wave> waves, DateTimeOffset now)
    {
        if (!partner.StatusAt(now).Receives()) return (false, null);
        var policy = facts.Policy.InForce(now);
        DateTimeOffset? first = null;
        foreach (var artifact in published)
        {
            var (allowed, opensAt) = EntitlementPolicy.Check(facts.Policy.Query(partner, advisory, artifact, waves, now, policy));
            if (allowed) return (true, null);
            if (opensAt is { } at && at > now && (first is null || at < first)) first = at;
        }
        return (false, first);
    }

    public static string Text(Wave wave, Advisory advisory) =>
        $"Wave {wave.Number} of {advisory.Reference} is out: {(wave.Note.Length > 0 ? wave.Note : "new content is open to you")}";

    public static JsonObject Data(Wave wave, Advisory advisory)
    {
        var data = WebhookOutboxWriter.AdvisoryData(advisory.Reference, Text(wave, advisory));
        data["wave"] = wave.Number;
        data["kind"] = wave.Kind.ToString().ToLowerInvariant();
        return data;
    }

    /// <summary>Settles the openings due at <paramref name="now"/>; returns how many partners this server told.</summary>
    public async Task<int> SettleDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var due = await db.WaveOpenings.Where(o => o.SettledAt == null && o.OpensAt <= now)
            .OrderBy(o => o.OpensAt).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var facts = await scope.ServiceProvider.GetRequiredService<RequestFacts>().GetAsync(ct);
        var told = 0;
        foreach (var opening in due)
        {
            if (await SettleAsync(db, facts, opening, now, ct)) told++;
            db.ChangeTracker.Clear();
        }
        return told;
    }

    private async Task<bool> SettleAsync(ForewarnDb db, ProgramFacts facts, WaveOpening opening, DateTimeOffset now, CancellationToken ct)
    {
        db.WaveOpenings.Attach(opening);
        var wave = facts.AdvisoriesById.TryGetValue(opening.AdvisoryId, out var advisory)
            ? facts.WavesOf[advisory.Id].FirstOrDefault(w => w.Id == opening.WaveId) : null;
        var partner = facts.Partners.GetValueOrDefault(opening.PartnerId);
        var tell = false;
        if (advisory is null || wave is null || partner is null) opening.Drop(now, "the advisory or the wave is no longer served");
        else if (advisory.ScheduledAt is not null && now >= advisory.ReleaseAt) opening.Drop(now, "the advisory was released first");
        else
        {
            var published = facts.ArtifactsOf[advisory.Id].Where(a => wave.ArtifactIds.Contains(a.Id)).ToList();
            var (open, opensAt) = Check(facts, partner, advisory, published, facts.WavesOf[advisory.Id].ToList(), now);
            if (open)
            {
                opening.MarkTold(now);
                // Before its notice is added: whether the partner was told of the advisory before decides the mail.
                db.MailMessages.AddRange(await mail.AdvisoryOpenedAsync(db, advisory, [partner.Id], now, ct));
                db.Notices.Add(Notice.To(partner.Id, advisory.Id, NoticeKind.Wave, Text(wave, advisory), now));
                await WebhookOutboxWriter.EnqueueAsync(db, [partner.Id], WebhookEvents.WavePublished, Data(wave, advisory), now, ct);
                tell = true;
            }
            else if (opensAt is { } later) opening.Postpone(later);
            else opening.Drop(now, "the content no longer opens to the partner");
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return tell;
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogDebug("Opening {Opening} was settled by another server", opening.Id);
            return false;
        }
    }
}
