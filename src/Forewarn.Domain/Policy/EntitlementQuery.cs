using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Tiers;

namespace Forewarn.Domain.Policy;

/// <summary>
/// Everything the policy needs to decide one (partner, artifact, time): the facts, not the store.
/// <paramref name="Waves"/> are the advisory's waves; <paramref name="Jurisdictions"/> may hold
/// every known jurisdiction (only the partner's are consulted); <paramref name="Policy"/> is the
/// version in force at <paramref name="At"/> (null: no configurable rules).
/// </summary>
public sealed record EntitlementQuery(
    Partner Partner,
    Tier? Tier,
    IReadOnlyList<Jurisdiction> Jurisdictions,
    Advisory Advisory,
    Artifact Artifact,
    IReadOnlyList<Wave> Waves,
    PolicyVersion? Policy,
    DateTimeOffset At);
