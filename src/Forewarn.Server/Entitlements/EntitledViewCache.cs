using Forewarn.Domain.Common;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The partners' entitled views, kept for the inbox, TAXII and the portal alike: one policy,
/// bounded and evicting. A view is found only under the key it was decided for — (partner, facts
/// generation) — and only while it holds: from the moment it was decided until its
/// <see cref="EntitledView.NextChange"/>.
/// </summary>
/// <remarks>
/// <para>Why a kept view is never stale, even with several servers on one store: every partner
/// request first reads the facts generation token from the store itself (ADR 0004), and the token
/// is rewritten in the same transaction as any change to a fact (<c>FactTypes</c>), whichever
/// server made it. A view is keyed by the generation of the facts it was decided from (the
/// <c>ProgramFacts</c>' own token, read before they were loaded — not the token the request
/// probed, which may be older), so after a change anywhere the next request on every server
/// looks under a token no kept view carries, and decides afresh from reloaded facts. What changes
/// without a write — the clock passing a wave, a release, a lead time, a contract date, a policy
/// version's start — is bounded by the view's next-change instant, which the decision horizon
/// (<c>DecisionHorizon</c>, property-tested in the domain) makes the earliest moment any decision
/// in it may flip. Nothing else is shared between servers, so nothing else needs to agree.</para>
/// <para>Bounded by weight (<see cref="EntitledView.Weight"/>: one per view plus one per artifact
/// listed, a proxy for the memory it and its renderings take); past the bound the least recently
/// used views go first. A generation token never comes back, so when a view of a new generation is
/// kept, every view of another is dropped at once. A hand-made LRU rather than MemoryCache:
/// MemoryCache refuses the newest entry when full and evicts later on a background pass, so the
/// view a partner is paging through could go uncached, and the bound could not be tested without waiting.</para>
/// </remarks>
public sealed class EntitledViewCache(int limit)
{
    /// <summary>About a thousand partners seeing a hundred artifacts each.</summary>
    public const int DefaultLimit = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<PartnerId, LinkedListNode<EntitledView>> _byPartner = [];
    private readonly LinkedList<EntitledView> _recency = new(); // most recently used first
    private string? _generation;
    private long _weight;

    public EntitledViewCache() : this(DefaultLimit) { }

    /// <summary>The most the kept views may weigh together.</summary>
    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The bound must be positive.");

    /// <summary>How many views are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _byPartner.Count;
        }
    }

    /// <summary>What the kept views weigh together now (never above <see cref="Limit"/>).</summary>
    public long Weight
    {
        get
        {
            lock (_gate) return _weight;
        }
    }

    /// <summary>The partner's kept view when it was decided from <paramref name="generation"/> and still holds at <paramref name="now"/>.</summary>
    public EntitledView? Find(PartnerId partner, string generation, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_byPartner.TryGetValue(partner, out var node)) return null;
            var view = node.Value;
            if (view.Generation != generation || !view.HoldsAt(now)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return view;
        }
    }

    /// <summary>Keeps a view as its partner's (replacing the one kept before), evicting the least recently used past the bound.</summary>
    public void Keep(EntitledView view)
    {
        lock (_gate)
        {
            if (view.Generation != _generation)
            {
                _byPartner.Clear();
                _recency.Clear();
                _weight = 0;
                _generation = view.Generation;
            }
            if (_byPartner.Remove(view.Partner, out var old)) Drop(old);
            if (view.Weight > Limit) return; // it alone would push everything else out
            _byPartner[view.Partner] = _recency.AddFirst(view);
            _weight += view.Weight;
            while (_weight > Limit)
            {
                var last = _recency.Last!;
                _byPartner.Remove(last.Value.Partner);
                Drop(last);
            }
        }
    }

    private void Drop(LinkedListNode<EntitledView> node)
    {
        _recency.Remove(node);
        _weight -= node.Value.Weight;
    }
}
