using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Cases;

/// <summary>
/// The one place a case asks whether a sighting exists on its advisory, and by which id it is known.
/// Staff sightings by their id, and the partners' TAXII sightings by their STIX id
/// (<c>sighting--…</c>) or stored id — as the one sightings list (<c>GET /api/v1/sightings</c>) shows them.
/// </summary>
public static class CaseSightings
{
    /// <summary>The sighting's id as the case keeps it; not found when it is unknown or of another advisory.</summary>
    public static async Task<string> FindAsync(ForewarnDb db, AdvisoryId advisory, string? id, CancellationToken ct)
    {
        var given = id?.Trim() ?? "";
        if (given.Length is > 0 and <= Domain.Sightings.Sighting.MaxStixId && TextRules.Problem(given, TextShape.Line) is null)
        {
            if (Guid.TryParse(given, out var staffId)
                && await db.StaffSightings.AsNoTracking().AnyAsync(s => s.AdvisoryId == advisory && s.Id == staffId, ct))
                return staffId.ToString();
            var byStix = await db.Sightings.AsNoTracking().AnyAsync(s => s.AdvisoryId == advisory && s.StixId == given, ct);
            if (byStix) return given;
            if (Guid.TryParse(given, out var rowId)
                && await db.Sightings.AsNoTracking().Where(s => s.AdvisoryId == advisory && s.Id == rowId).Select(s => s.StixId).FirstOrDefaultAsync(ct) is { } stix)
                return stix;
        }
        throw new DomainException("unknown-sighting", $"No sighting '{(given.Length > 120 ? given[..120] + "…" : given)}' was recorded of this case's advisory; "
            + "give an id its sightings list shows.", ErrorCategory.NotFound);
    }
}
