using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The programme-wide facts every decision needs — tiers, jurisdictions, policy versions — as of
/// one facts generation (part of <see cref="ProgramFacts"/>), so a change applies to the very next decision.
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

    /// <summary>Policy facts from given tiers, jurisdictions and versions (the past, as <see cref="FactsAt"/> rebuilds it).</summary>
    public static PolicyFacts Of(IEnumerable<Tier> tiers, IEnumerable<Jurisdiction> jurisdictions, IEnumerable<PolicyVersion> versions) =>
        new(tiers.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase), [.. jurisdictions], [.. versions.OrderBy(v => v.Number)]);

    public static async Task<PolicyFacts> LoadAsync(ForewarnDb db, CancellationToken ct)
    {
        var tiers = await db.ReadFacts<Tier>().ToListAsync(ct);
        var jurisdictions = await db.ReadFacts<Jurisdiction>().ToListAsync(ct);
        var versions = await db.ReadFacts<PolicyVersion>().OrderBy(v => v.Number).ToListAsync(ct);
        return new PolicyFacts(tiers.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase), jurisdictions, versions);
    }

    public EntitlementQuery Query(Partner partner, Advisory advisory, Artifact artifact, IReadOnlyList<Wave> waves, DateTimeOffset at) =>
        Query(partner, advisory, artifact, waves, at, InForce(at));

    /// <summary>A query with the policy version already chosen (the one in force at <paramref name="at"/>).</summary>
    public EntitlementQuery Query(Partner partner, Advisory advisory, Artifact artifact, IReadOnlyList<Wave> waves, DateTimeOffset at,
        PolicyVersion? policy) =>
        new(partner, Tiers.GetValueOrDefault(partner.Tier), Jurisdictions, advisory, artifact, waves, policy, at);

    public PolicyVersion? InForce(DateTimeOffset at) => PolicyVersion.InForce(Versions, at);

    /// <summary>When the next policy version takes effect after <paramref name="at"/>, if one is scheduled.</summary>
    public DateTimeOffset? NextVersionAfter(DateTimeOffset at)
    {
        DateTimeOffset? next = null;
        foreach (var v in Versions)
        {
            if (v.InForceFrom > at && (next is null || v.InForceFrom < next)) next = v.InForceFrom;
        }
        return next;
    }
}
