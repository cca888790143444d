using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Suspicion;

/// <summary>
/// <c>GET /api/v1/partners/{id}/suspicion</c>: a partner's standing across the cases;
/// <c>GET /api/v1/cases/{id}/suspicion</c>: the standing of each suspect of one case (staff).
/// </summary>
public static class SuspicionEndpoints
{
    public static void MapSuspicion(this IEndpointRouteBuilder api)
    {
        api.MapGet("/partners/{id}/suspicion", ForPartner).WithTags("Investigations").RequireAuthorization(AccessPolicies.Investigate)
            .WithSummary("Suspicion across cases: in how many suspect sets the partner was, against what chance gives")
            .Refuses(ErrorCategory.NotFound);
        api.MapGet("/cases/{id}/suspicion", ForCase).WithTags("Investigations").RequireAuthorization(AccessPolicies.Investigate)
            .WithSummary("The suspects of a case, each with its standing across all cases")
            .Refuses(ErrorCategory.NotFound);
    }

    private static async Task<Ok<SuspicionReport>> ForPartner(string id, SuspicionService suspicion, CancellationToken ct) =>
        TypedResults.Ok(await suspicion.ForPartnerAsync(id, ct));

    private static async Task<Ok<CaseSuspicion>> ForCase(string id, SuspicionService suspicion, CancellationToken ct) =>
        TypedResults.Ok(await suspicion.ForCaseAsync(id, ct));
}
