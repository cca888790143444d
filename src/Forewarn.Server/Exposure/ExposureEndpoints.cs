using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Exposure;

/// <summary><c>GET /api/v1/advisories/{id}/exposure?before=T</c>: who held what of an advisory by T (staff).</summary>
public static class ExposureEndpoints
{
    public static void MapExposure(this IEndpointRouteBuilder api) =>
        api.MapGet("/advisories/{id}/exposure", Show).WithTags("Investigations").RequireAuthorization(AccessPolicies.Investigate)
            .WithSummary("Exposure before a moment: per partner and content class, what was open, when it was told, what it fetched (from the log)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);

    private static async Task<Ok<ExposureReport>> Show(string id, string? before, ExposureService exposure, CancellationToken ct) =>
        TypedResults.Ok(await exposure.AnalyseAsync(id, before, ct));
}
