using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Tells the partners who already know of an embargoed advisory that its release moved or that
/// it was withdrawn: a notice wave on the advisory and a notice to each of them, written with
/// the change itself. Partners who were never told of the advisory learn nothing of it.
/// </summary>
public sealed class AdvisoryAudience(ForewarnDb db, RequestFacts requestFacts, PartnerView view)
{
    /// <summary>The partners to whom something of the advisory is open at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<PartnerId>> WhoKnowsAsync(Advisory advisory, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        var result = new List<PartnerId>();
        foreach (var partner in facts.Partners.Values)
        {
            if ((await view.AdvisoriesAsync(partner, now, advisory.Id, ct)).Items.Count > 0) result.Add(partner.Id);
        }
        return result;
    }

    /// <summary>
    /// Adds the notice wave and notices to the pending changes when the advisory was already
    /// notified and is not yet released. Call before saving the change it reports.
    /// </summary>
    public async Task TellAsync(Advisory advisory, IReadOnlyList<PartnerId> audience, NoticeKind kind, string text,
        DateTimeOffset now, CancellationToken ct)
    {
        var waves = (await requestFacts.GetAsync(ct)).WavesOf[advisory.Id].ToList();
        if (!waves.Any(w => w.At <= now)) return;
        var wave = Wave.Notice(advisory, waves, text, now);
        db.Waves.Add(wave);
        db.Notices.AddRange(audience.Select(p => Notice.To(p, advisory.Id, kind, text, now)));
        var data = WebhookOutboxWriter.AdvisoryData(advisory.Reference, text);
        data["wave"] = wave.Number;
        data["kind"] = "notice";
        await WebhookOutboxWriter.EnqueueAsync(db, audience, WebhookEvents.WavePublished, data, now, ct);
    }
}
