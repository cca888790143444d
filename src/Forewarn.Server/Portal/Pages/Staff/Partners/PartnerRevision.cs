using Forewarn.Domain.Partners;
using Forewarn.Storage;
using Forewarn.Storage.Mapping;

namespace Forewarn.Server.Portal.Pages.Staff.Partners;

/// <summary>
/// A partner form carries the revision the partner had when the form was shown; the save is then
/// checked against that one (the store's concurrency token), so an edit made on a stale page is
/// refused as the API refuses a stale write (409), instead of overwriting someone else's change.
/// </summary>
public static class PartnerRevision
{
    public static Guid Of(ForewarnDb db, Partner partner) => db.Entry(partner).Property<Guid>(RevisionMappings.Property).CurrentValue;

    /// <summary>Makes the next save of <paramref name="partner"/> succeed only if the stored row still has <paramref name="revision"/>.</summary>
    public static void Expect(ForewarnDb db, Partner partner, Guid revision) =>
        db.Entry(partner).Property<Guid>(RevisionMappings.Property).OriginalValue = revision;
}
