using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Tiers;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.Mapping;

/// <summary>
/// Every subject whose facts have a history (partners, tiers, jurisdictions, advisories, waves)
/// carries a revision that changes with each save and is checked by it. A save from a copy read
/// before someone else's change — a job that warned of a contract while staff renewed it — is
/// refused instead of writing that stale copy into the store and into the history of facts,
/// where a re-decision of the past would read it.
/// </summary>
public static class RevisionMappings
{
    public const string Property = "Revision";

    public static readonly IReadOnlySet<Type> Revised = new HashSet<Type>
    {
        typeof(Partner), typeof(Tier), typeof(Jurisdiction), typeof(Advisory), typeof(Wave),
    };

    public static void Apply(ModelBuilder b)
    {
        foreach (var type in Revised) b.Entity(type).Property<Guid>(Property).IsConcurrencyToken();
    }

    /// <summary>Gives every added or changed revised row a new revision; the save checks the one it was read with.</summary>
    internal static void Bump(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !Revised.Contains(entry.Metadata.ClrType)) continue;
            entry.Property(Property).CurrentValue = Guid.NewGuid();
        }
    }
}
