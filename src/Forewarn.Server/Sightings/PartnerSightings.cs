using Forewarn.Server.Api;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Sightings;

/// <summary>One partner sighting as the advisory's TAXII list shows it: who saw which of the advisory's objects, how often, when.</summary>
public sealed record PartnerSightingDto(
    string Id,
    Guid PartnerId,
    string Partner,
    string SightingOfRef,
    int? Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    DateTimeOffset Modified,
    DateTimeOffset ReceivedAt,
    int Versions);

/// <summary>
/// What partners reported back of an advisory through the TAXII inbound collection (give to get),
/// in the STIX terms they sent it; <c>GET /api/v1/sightings</c> shows these with the staff's own.
/// </summary>
internal static class PartnerSightings
{
    public static async Task<Ok<List<PartnerSightingDto>>> OfAdvisory(string id, ForewarnDb db, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var rows = await db.Sightings.AsNoTracking().Where(s => s.AdvisoryId == advisory.Id).ToListAsync(ct);
        var partnerIds = rows.Select(r => r.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        // A partner revises a sighting (a new modified, a higher count): the latest version stands for it.
        var latest = rows.GroupBy(r => (r.PartnerId, r.StixId))
            .Select(g => (Latest: g.MaxBy(r => r.Modified)!, Versions: g.Count()))
            .OrderByDescending(x => x.Latest.ReceivedAt).ThenBy(x => x.Latest.StixId, StringComparer.Ordinal)
            .Select(x => new PartnerSightingDto(x.Latest.StixId, x.Latest.PartnerId.Value, names.GetValueOrDefault(x.Latest.PartnerId, ""), x.Latest.SightingOfRef,
                x.Latest.Count, x.Latest.FirstSeen, x.Latest.LastSeen, x.Latest.Modified, x.Latest.ReceivedAt, x.Versions))
            .ToList();
        return TypedResults.Ok(latest);
    }
}
