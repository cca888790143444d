using Forewarn.Domain.Common;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// Partners' entitled views for one request: the kept view when it still holds, otherwise one
/// decided now from the request's facts and kept (<see cref="EntitledViewCache"/>). What the
/// inbox (/api/v1/me/...), TAXII and the portal build their answers from.
/// </summary>
public sealed class EntitledViews(RequestFacts requestFacts, EntitledViewCache cache)
{
    /// <summary>The partner's view at <paramref name="now"/>.</summary>
    public async Task<EntitledView> ForAsync(PartnerId partnerId, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        if (cache.Find(partnerId, facts.Generation, now) is { } kept) return kept;
        // Decided from these facts' partner, never from one a caller holds: the key is these facts' generation.
        var partner = facts.Partners.GetValueOrDefault(partnerId) ?? throw new NotFoundException("partner", partnerId.ToString());
        var view = EntitledView.Decide(facts, partner, now);
        cache.Keep(view);
        return view;
    }

}
