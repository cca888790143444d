using Forewarn.Domain.Advisories;

namespace Forewarn.Domain.Policy;

/// <summary>
/// How long a decision stays the same. Every comparison the policy makes with the query time is
/// against one of a few fixed moments (status changes, contract dates, scheduling, withdrawal,
/// release, wave times, release minus the tier's lead time); between two of them the decision
/// and its explanation cannot change, so a caller may reuse them until the next one.
/// </summary>
public static class DecisionHorizon
{
    /// <summary>
    /// The first moment after <see cref="EntitlementQuery.At"/> at which the decision for
    /// <paramref name="q"/> may differ (with the same policy version), or null when it never will.
    /// </summary>
    public static DateTimeOffset? StableUntil(EntitlementQuery q)
    {
        DateTimeOffset? next = null;
        var at = q.At;
        void Consider(DateTimeOffset? t)
        {
            if (t is { } v && v > at && (next is null || v < next)) next = v;
        }

        var history = q.Partner.History;
        for (var i = 0; i < history.Count; i++) Consider(history[i].At);
        Consider(q.Partner.Contract.SignedAt);
        Consider(q.Partner.Contract.ExpiresAt);
        Consider(AdvisoryHorizon(q.Advisory, q.Waves, at));
        if (q.Tier?.LeadTime(q.Artifact.Class) is { } lead) Consider(q.Advisory.ReleaseAt - lead);
        return next;
    }

    /// <summary>The first moment after <paramref name="at"/> at which the advisory's state may change.</summary>
    public static DateTimeOffset? AdvisoryHorizon(Advisory advisory, IReadOnlyList<Wave> waves, DateTimeOffset at)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? t)
        {
            if (t is { } v && v > at && (next is null || v < next)) next = v;
        }

        Consider(advisory.ScheduledAt);
        Consider(advisory.WithdrawnAt);
        Consider(advisory.ReleaseAt);
        for (var i = 0; i < waves.Count; i++)
        {
            if (waves[i].AdvisoryId == advisory.Id) Consider(waves[i].At);
        }
        return next;
    }
}
