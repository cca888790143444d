using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Tiers;
using Forewarn.Storage;
using Forewarn.Storage.History;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// Every fact the policy reads about one advisory — partners, tiers, jurisdictions, policy
/// versions, the advisory's release time, artifacts and waves — as they were at one moment, so a
/// decision for a past moment answers what was decided then. Investigations (exposure, explain
/// at a past time, re-deciding a logged decision) read the past only through this.
/// </summary>
public sealed class FactsAt
{
    private FactsAt() { }

    public DateTimeOffset At { get; private init; }
    public IReadOnlyDictionary<PartnerId, Partner> Partners { get; private init; } = new Dictionary<PartnerId, Partner>();
    public PolicyFacts Policy { get; private init; } = null!;
    public Advisory Advisory { get; private init; } = null!;
    public IReadOnlyList<Artifact> Artifacts { get; private init; } = [];
    public IReadOnlyList<Wave> Waves { get; private init; } = [];

    /// <summary>Decides and explains for one partner and one of the advisory's artifacts at <see cref="At"/>.</summary>
    public Entitlement Decide(Partner partner, Artifact artifact) =>
        EntitlementPolicy.Decide(Policy.Query(partner, Advisory, artifact, Waves, At));

    /// <summary>Decides without sentences (for whole-programme reports).</summary>
    public (bool Allowed, DateTimeOffset? OpensAt) Check(Partner partner, Artifact artifact) =>
        EntitlementPolicy.Check(Policy.Query(partner, Advisory, artifact, Waves, At));

    /// <summary>
    /// The facts of <paramref name="advisory"/> and of every partner as they were at
    /// <paramref name="at"/>: what is stored now, with every subject that changed since put back
    /// as it stood then (<see cref="FactHistory"/>). Policy versions carry their own effective times.
    /// </summary>
    /// <param name="db">The store.</param>
    /// <param name="advisory">The advisory whose artifacts are decided.</param>
    /// <param name="at">The moment.</param>
    /// <param name="ct">Cancels the reads.</param>
    /// <param name="version">The facts generation a logged decision names: changes made after it, even in the same instant, are left out.</param>
    /// <exception cref="NotFoundException">No such advisory.</exception>
    public static async Task<FactsAt> LoadAsync(ForewarnDb db, AdvisoryId advisory, DateTimeOffset at, CancellationToken ct, string? version = null)
    {
        var a = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == advisory, ct)
            ?? throw new NotFoundException("advisory", advisory.Value.ToString());
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(x => x.AdvisoryId == advisory).ToListAsync(ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory).ToListAsync(ct);
        var tiers = await db.Tiers.AsNoTracking().ToListAsync(ct);
        var jurisdictions = await db.Jurisdictions.AsNoTracking().ToListAsync(ct);
        var versions = await db.PolicyVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct);
        var past = await FactHistory.AtAsync(db, at, version, ct);
        return new FactsAt
        {
            At = at,
            Partners = Then(past, FactKinds.Partner, partners, p => p.Id.Value.ToString(), (p, f) => p.AsOf((PartnerFacts)f), null)
                .ToDictionary(p => p.Id),
            Policy = PolicyFacts.Of(
                Then(past, FactKinds.Tier, tiers, t => t.Name, (t, f) => t.AsOf((TierFacts)f), (k, f) => Tier.Restore(k, (TierFacts)f)),
                Then(past, FactKinds.Jurisdiction, jurisdictions, j => j.Code, (_, f) => null, (k, f) => Jurisdiction.Restore(k, (JurisdictionFacts)f)),
                versions),
            Advisory = past.Changed<AdvisoryFacts>(FactKinds.Advisory, a.Id.Value.ToString(), out var then) ? then is null ? NotYet(a) : a.AsOf(then) : a,
            Artifacts = [.. artifacts.OrderBy(x => x.Class).ThenBy(x => x.CreatedAt)],
            Waves = [.. Then(past, FactKinds.Wave, waves, w => w.Id.Value.ToString(), (_, f) => null,
                    (k, f) => Wave.Restore(new WaveId(Guid.Parse(k)), (WaveFacts)f))
                .Where(w => w.AdvisoryId == advisory).OrderBy(w => w.Number)],
        };
    }

    /// <summary>An advisory that did not exist yet at the moment: a draft with nothing scheduled.</summary>
    private static Advisory NotYet(Advisory a) => a.AsOf(new AdvisoryFacts(a.ReleaseAt, null, null));

    /// <summary>
    /// The subjects of one kind as they stood then: unchanged ones as they are, changed ones with
    /// their facts then (<paramref name="asOf"/>; null: rebuild from the facts alone), those that
    /// did not exist then left out, and those since removed rebuilt (<paramref name="restore"/>;
    /// null: the kind is never removed, and what did not exist yet stays as it is now).
    /// </summary>
    private static List<T> Then<T>(PastFacts past, string kind, List<T> now, Func<T, string> key,
        Func<T, object, T?> asOf, Func<string, object, T>? restore) where T : class
    {
        var factsType = kind switch
        {
            FactKinds.Partner => typeof(PartnerFacts),
            FactKinds.Tier => typeof(TierFacts),
            FactKinds.Jurisdiction => typeof(JurisdictionFacts),
            _ => typeof(WaveFacts),
        };
        var result = new List<T>(now.Count);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in now)
        {
            var k = key(item);
            present.Add(k);
            if (!past.Changed(kind, k, factsType, out var facts)) { result.Add(item); continue; }
            if (facts is null)
            {
                // A partner not yet admitted is still decided about: its status history says it was no member then.
                if (restore is null) result.Add(item);
                continue;
            }
            result.Add(asOf(item, facts) ?? restore!(k, facts));
        }
        if (restore is null) return result;
        foreach (var k in past.SubjectsOf(kind))
        {
            if (present.Contains(k) || !past.Changed(kind, k, factsType, out var facts) || facts is null) continue;
            result.Add(restore(k, facts));
        }
        return result;
    }
}
