using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The programme-wide facts every decision needs — tiers, jurisdictions, policy versions — read
/// fresh from the store for each request, so a change applies to the very next decision.
/// </summary>
public sealed class PolicyFacts
{
    private PolicyFacts(IReadOnlyDictionary<string, Tier> tiers, IReadOnlyList<Jurisdiction> jurisdictions, IReadOnlyList<PolicyVersion> versions)
    {
        Tiers = tiers;
        Jurisdictions = jurisdictions;
        Versions = versions;
    }

    public IReadOnlyDictionary<string, Tier> Tiers { get; }
    public IReadOnlyList<Jurisdiction> Jurisdictions { get; }
    public IReadOnlyList<PolicyVersion> Versions { get; }

    public static async Task<PolicyFacts> LoadAsync(ForewarnDb db, CancellationToken ct)
    {
        var tiers = await db.Tiers.AsNoTracking().ToListAsync(ct);
        var jurisdictions = await db.Jurisdictions.AsNoTracking().ToListAsync(ct);
        var versions = await db.PolicyVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct);
        return new PolicyFacts(tiers.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase), jurisdictions, versions);
    }

    public EntitlementQuery Query(Partner partner, Advisory advisory, Artifact artifact, IReadOnlyList<Wave> waves, DateTimeOffset at) =>
        new(partner, Tiers.GetValueOrDefault(partner.Tier), Jurisdictions, advisory, artifact, waves,
            PolicyVersion.InForce(Versions, at), at);
}
