using Forewarn.Server.Auth;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>One sighting as staff see it: who saw which of the advisory's objects, how often, when.</summary>
public sealed record SightingDto(
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

/// <summary>Staff read what partners reported back through the TAXII inbound collection (give to get).</summary>
public static class SightingEndpoints
{
    public static void MapSightings(this IEndpointRouteBuilder api) =>
        api.MapGet("/advisories/{id}/sightings", List).WithTags("Sightings").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Sightings partners reported of the advisory's objects: the latest version of each, newest first");

    private static async Task<Ok<List<SightingDto>>> List(string id, ForewarnDb db, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var rows = await db.Sightings.AsNoTracking().Where(s => s.AdvisoryId == advisory.Id).ToListAsync(ct);
        var partnerIds = rows.Select(r => r.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        // A partner revises a sighting (a new modified, a higher count): the latest version stands for it.
        var latest = rows.GroupBy(r => (r.PartnerId, r.StixId))
            .Select(g => (Latest: g.MaxBy(r => r.Modified)!, Versions: g.Count()))
            .OrderByDescending(x => x.Latest.ReceivedAt).ThenBy(x => x.Latest.StixId, StringComparer.Ordinal)
            .Select(x => new SightingDto(x.Latest.StixId, x.Latest.PartnerId.Value, names.GetValueOrDefault(x.Latest.PartnerId, ""), x.Latest.SightingOfRef,
                x.Latest.Count, x.Latest.FirstSeen, x.Latest.LastSeen, x.Latest.Modified, x.Latest.ReceivedAt, x.Versions))
            .ToList();
        return TypedResults.Ok(latest);
    }
}
