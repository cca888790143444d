using System.Collections.Concurrent;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Taxii;

/// <summary>
/// Each partner's view of the collection, ordered for paging, reused while the facts generation is
/// the same and the clock has not reached the view's horizon (the next status change, contract
/// date, wave, release, lead time or policy version that could change it) — as
/// <see cref="Entitlements.MyAdvisoriesCache"/> does for "my advisories". Any change to the facts,
/// on any server, moves the generation and so retires every entry; time-driven changes retire an
/// entry at its horizon. The staff view does not depend on the time and is kept per generation.
/// At most one entry per partner; keeping an entry of a new generation drops all older ones, and
/// past <see cref="MaxPartners"/> the entry computed longest ago goes.
/// </summary>
public sealed class TaxiiViewCache
{
    public const int MaxPartners = 500;

    private sealed record Entry(string Generation, DateTimeOffset ComputedAt, DateTimeOffset? ValidUntil, OrderedObjects Objects);

    private readonly ConcurrentDictionary<PartnerId, Entry> _partners = new();
    private Entry? _staff;

    public OrderedObjects? Find(PartnerId partner, string generation, DateTimeOffset now) =>
        _partners.TryGetValue(partner, out var e) && e.Generation == generation && now >= e.ComputedAt
            && (e.ValidUntil is null || now < e.ValidUntil)
            ? e.Objects
            : null;

    public void Keep(PartnerId partner, string generation, DateTimeOffset now, DateTimeOffset? validUntil, OrderedObjects objects)
    {
        _partners[partner] = new Entry(generation, now, validUntil, objects);
        foreach (var (id, e) in _partners)
        {
            if (e.Generation != generation) _partners.TryRemove(new KeyValuePair<PartnerId, Entry>(id, e));
        }
        while (_partners.Count > MaxPartners) _partners.TryRemove(_partners.MinBy(p => p.Value.ComputedAt));
    }

    public OrderedObjects? FindStaff(string generation) => Volatile.Read(ref _staff) is { } e && e.Generation == generation ? e.Objects : null;

    public void KeepStaff(string generation, OrderedObjects objects) =>
        Volatile.Write(ref _staff, new Entry(generation, DateTimeOffset.MinValue, null, objects));
}
