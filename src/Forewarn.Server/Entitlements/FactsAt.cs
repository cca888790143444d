using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Storage;
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

    /// <summary>The facts of <paramref name="advisory"/> and of every partner as they were at <paramref name="at"/>.</summary>
    /// <exception cref="NotFoundException">No such advisory.</exception>
    public static async Task<FactsAt> LoadAsync(ForewarnDb db, AdvisoryId advisory, DateTimeOffset at, CancellationToken ct)
    {
        var a = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == advisory, ct)
            ?? throw new NotFoundException("advisory", advisory.Value.ToString());
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(x => x.AdvisoryId == advisory).ToListAsync(ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory).ToListAsync(ct);
        var policy = await PolicyFacts.LoadAsync(db, ct);
        return new FactsAt
        {
            At = at,
            Partners = partners.ToDictionary(p => p.Id),
            Policy = policy,
            Advisory = a,
            Artifacts = [.. artifacts.OrderBy(x => x.Class).ThenBy(x => x.CreatedAt)],
            Waves = [.. waves.OrderBy(w => w.Number)],
        };
    }
}
