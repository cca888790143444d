using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>Staff read the record of every serve-or-deny decision.</summary>
public static class AccessRecordEndpoints
{
    public static void MapAccessRecords(this IEndpointRouteBuilder api) =>
        api.MapGet("/access-records", List).WithTags("Access records").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Who asked for which artifact, when, and what was decided (newest first)");

    private static async Task<Ok<List<AccessRecordDto>>> List(ForewarnDb db, Guid? partner, Guid? artifact, int? limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var q = db.AccessRecords.AsNoTracking();
        if (partner is { } p) q = q.Where(r => r.PartnerId == new PartnerId(p));
        if (artifact is { } a) q = q.Where(r => r.ArtifactId == new ArtifactId(a));
        var rows = await q.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(AccessRecordDto.From).ToList());
    }
}
