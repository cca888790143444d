using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Forewarn.Storage;

/// <summary>
/// What counts as a fact: the entity types partner requests are decided from — keys, partners,
/// tiers, jurisdictions, policy versions, advisories, artifacts, waves, acknowledgements
/// (partners' views show them), and the networks keys are bound to. Declared here once and used twice: saving a change to any of
/// them stamps a new facts generation (<see cref="FactsGeneration"/>), and the server's in-memory
/// facts are read through <see cref="ReadFacts{T}"/>, which refuses anything else. So a type the
/// policy starts to read cannot be forgotten by the stamp, and a log entry, notice, delivery,
/// sighting or setting never retires every partner's view.
/// </summary>
/// <remarks>
/// An artifact's bytes (<c>ArtifactContent</c>) are not a fact: the policy never reads them, and
/// they are written once, in the same save as their artifact (which is a fact), and never changed.
/// </remarks>
public static class FactTypes
{
    public static readonly IReadOnlySet<Type> All = new HashSet<Type>
    {
        typeof(ApiKey), typeof(Partner), typeof(Tier), typeof(Jurisdiction), typeof(PolicyVersion),
        typeof(Advisory), typeof(Artifact), typeof(Wave), typeof(Acknowledgement), typeof(NetworkBinding),
    };

    /// <summary>Whether rows of this entity type are facts (an owned type is judged by its owner).</summary>
    public static bool Contains(IReadOnlyEntityType type)
    {
        while (type.IsOwned() && type.FindOwnership() is { } ownership) type = ownership.PrincipalEntityType;
        return All.Contains(type.ClrType);
    }

    /// <summary>The rows of a fact type, untracked; anything that is not a fact is refused.</summary>
    public static IQueryable<T> ReadFacts<T>(this ForewarnDb db) where T : class =>
        All.Contains(typeof(T))
            ? db.Set<T>().AsNoTracking()
            : throw new InvalidOperationException(
                $"{typeof(T).Name} is not a fact: a change to it would not move the facts generation. Add it to FactTypes.All first.");
}
