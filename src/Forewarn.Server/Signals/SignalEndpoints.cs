using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Signals;

/// <summary>Signals worth a look, for staff: <c>GET /api/v1/signals?partner=&amp;advisory=&amp;since=</c>.</summary>
public static class SignalEndpoints
{
    public static void MapSignals(this IEndpointRouteBuilder api) =>
        api.MapGet("/signals", Find).WithTags("Investigations").RequireAuthorization(AccessPolicies.Investigate)
            .WithSummary("Signals worth a look (a key on a new network or in a new country, a PoC grabbed by a new key, unusual volume), each with its log entries")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);

    private static async Task<Ok<SignalReport>> Find(string? partner, string? advisory, DateTimeOffset? since, SignalService signals, CancellationToken ct) =>
        TypedResults.Ok(await signals.FindAsync(partner, advisory, since, ct));
}
