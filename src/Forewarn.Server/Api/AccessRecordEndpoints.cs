using Forewarn.Domain.Access;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>
/// Staff read every serve-or-deny decision: the content entries of the transparency log, where
/// they are recorded (and only there), newest first.
/// </summary>
public static class AccessRecordEndpoints
{
    public static void MapAccessRecords(this IEndpointRouteBuilder api) =>
        api.MapGet("/access-records", List).WithTags("Access records").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Who asked for which artifact, when, and what was decided (newest first; from the transparency log)");

    private static async Task<Ok<List<AccessRecordDto>>> List(ForewarnDb db, Guid? partner, Guid? artifact, int? limit, CancellationToken ct)
    {
        var take = PageLimit.Take(limit, byDefault: 100, max: 1000);
        var kinds = LogKinds.Content.ToList();
        var q = db.LogEntries.AsNoTracking().Where(e => kinds.Contains(e.Kind));
        if (partner is { } p) q = q.Where(e => e.PartnerId == p);
        if (artifact is { } a) q = q.Where(e => e.ArtifactId == a);
        var rows = await q.OrderByDescending(e => e.Index).Take(take).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(e => AccessRecordDto.From(e.Index, AccessRecord.FromEntry(e.Body))).ToList());
    }
}
