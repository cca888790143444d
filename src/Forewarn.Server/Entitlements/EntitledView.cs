using System.Collections.Concurrent;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// What one partner may see at one moment, decided from one facts generation, and until when that
/// stays so. An advisory exists for the partner only once something of it is open to them; inside
/// it, the artifacts that are open or will open, each with its decision and explanation — an
/// artifact that never will is not there, so nothing reveals what the partner may not know.
/// <see cref="NextChange"/> is the earliest later moment at which any of these decisions (or an
/// advisory's state) may flip with the same facts: a status or contract date, a wave, a release,
/// a tier's lead time, a policy version. Until then the view is the answer, and every face of it —
/// the inbox's JSON, the TAXII collection, the portal — is rendered once and kept with it
/// (<see cref="RenderedAsync{T}"/>). The one place where "what may this partner see" is computed.
/// </summary>
public sealed class EntitledView
{
    private readonly Dictionary<AdvisoryId, EntitledAdvisory> _byId;
    private readonly ConcurrentDictionary<string, object> _renderings = new(StringComparer.Ordinal);

    internal EntitledView(PartnerId partner, string generation, DateTimeOffset at, DateTimeOffset? nextChange, IReadOnlyList<EntitledAdvisory> advisories)
    {
        Partner = partner;
        Generation = generation;
        At = at;
        NextChange = nextChange;
        Advisories = advisories;
        _byId = advisories.ToDictionary(a => a.Advisory.Id);
        Weight = 1 + advisories.Sum(a => a.Artifacts.Count);
    }

    public PartnerId Partner { get; }

    /// <summary>The facts generation the view was decided from.</summary>
    public string Generation { get; }

    /// <summary>The moment the view was decided for.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The first moment after <see cref="At"/> at which the view may differ with the same facts; null when it never will.</summary>
    public DateTimeOffset? NextChange { get; }

    /// <summary>The advisories that exist for the partner now, latest release first.</summary>
    public IReadOnlyList<EntitledAdvisory> Advisories { get; }

    /// <summary>How much the view holds (one, plus one per artifact listed): what a cache bounds its memory by.</summary>
    public int Weight { get; }

    /// <summary>Whether the view is still the answer at <paramref name="now"/> (with the facts it was decided from).</summary>
    public bool HoldsAt(DateTimeOffset now) => now >= At && (NextChange is null || now < NextChange);

    /// <summary>One advisory of the view, or null when it does not exist for the partner now.</summary>
    public EntitledAdvisory? Find(AdvisoryId id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// A rendering of the view (the inbox's JSON, the TAXII collection), made on first use and kept
    /// with the view, so it lives and goes with it. <paramref name="face"/> names the rendering.
    /// </summary>
    public async Task<T> RenderedAsync<T>(string face, Func<EntitledView, CancellationToken, Task<T>> render, CancellationToken ct)
        where T : class
    {
        if (_renderings.TryGetValue(face, out var kept)) return (T)kept;
        var made = await render(this, ct);
        return (T)_renderings.GetOrAdd(face, made);
    }

    /// <summary>The partner's view of every servable advisory at <paramref name="now"/>.</summary>
    public static EntitledView Decide(ProgramFacts facts, Partner partner, DateTimeOffset now) =>
        Decide(facts, partner, now, facts.Servable);

    /// <summary>
    /// The partner's view of one advisory only (empty when it does not exist for them); its
    /// <see cref="NextChange"/> speaks for that advisory alone — for callers that ask about one
    /// advisory across many partners, and never kept as the partner's view.
    /// </summary>
    public static EntitledView Decide(ProgramFacts facts, Partner partner, DateTimeOffset now, AdvisoryId only) =>
        Decide(facts, partner, now, facts.AdvisoriesById.TryGetValue(only, out var one) ? [one] : []);

    private static EntitledView Decide(ProgramFacts facts, Partner partner, DateTimeOffset now, IEnumerable<Advisory> candidates)
    {
        var nextChange = facts.Policy.NextVersionAfter(now);
        void Consider(DateTimeOffset? t)
        {
            if (t is { } v && (nextChange is null || v < nextChange)) nextChange = v;
        }

        var policy = facts.Policy.InForce(now);
        var advisories = new List<EntitledAdvisory>();
        foreach (var advisory in candidates)
        {
            var waves = facts.WavesOf[advisory.Id].ToList();
            Consider(DecisionHorizon.AdvisoryHorizon(advisory, waves, now));
            var listed = new List<EntitledArtifact>();
            var anyOpen = false;
            foreach (var artifact in facts.ArtifactsOf[advisory.Id])
            {
                var query = facts.Policy.Query(partner, advisory, artifact, waves, now, policy);
                Consider(DecisionHorizon.StableUntil(query));
                var (allowed, opensAt) = EntitlementPolicy.Check(query);
                if (opensAt is null) continue; // never opens under these facts: not even its existence is shown
                anyOpen |= allowed;
                listed.Add(new EntitledArtifact(artifact, EntitlementPolicy.Decide(query)));
            }
            if (!anyOpen) continue;
            advisories.Add(new EntitledAdvisory(advisory, advisory.StateAt(now, waves),
                facts.Acknowledged.TryGetValue((partner.Id, advisory.Id), out var acked) ? acked : null, listed));
        }
        return new EntitledView(partner.Id, facts.Generation, now, nextChange, advisories);
    }
}

/// <summary>An advisory as it exists for one partner: its state now, their acknowledgement, and the artifacts they may know of.</summary>
public sealed record EntitledAdvisory(Advisory Advisory, AdvisoryState State, DateTimeOffset? AcknowledgedAt, IReadOnlyList<EntitledArtifact> Artifacts)
{
    /// <summary>The artifacts open now.</summary>
    public IEnumerable<EntitledArtifact> Open => Artifacts.Where(a => a.IsOpen);

    /// <summary>When the advisory became visible to the partner: the earliest opening among its open artifacts.</summary>
    public DateTimeOffset OpenedAt => Open.Min(a => a.Decision.OpensAt!.Value);
}

/// <summary>An artifact a partner may know of, with the policy's decision (open, or from when) and its explanation.</summary>
public sealed record EntitledArtifact(Artifact Artifact, Entitlement Decision)
{
    public bool IsOpen => Decision.Allowed;
}
