using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Suspicion;

/// <summary><c>GET /api/v1/partners/{id}/suspicion</c>: a partner's standing across the cases (staff).</summary>
public static class SuspicionEndpoints
{
    public static void MapSuspicion(this IEndpointRouteBuilder api) =>
        api.MapGet("/partners/{id}/suspicion", Show).WithTags("Investigations").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Suspicion across cases: in how many suspect sets the partner was, against what chance gives")
            .Refuses(ErrorCategory.NotFound);

    private static async Task<Ok<SuspicionReport>> Show(string id, SuspicionService suspicion, CancellationToken ct) =>
        TypedResults.Ok(await suspicion.ForPartnerAsync(id, ct));
}
