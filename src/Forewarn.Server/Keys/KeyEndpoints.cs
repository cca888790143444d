using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Keys;

/// <summary>API keys: issued (token shown once), listed (never the secret), revoked at once; issue and revocation are logged.</summary>
public static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/keys").WithTags("Keys");
        g.MapGet("/", List).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("List keys (never their secrets)");
        g.MapPost("/", Issue).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Issue a key; the token is in this answer only (202: proposed, when a staff key that can write needs a second staff member's approval)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Forbidden);
        g.MapPost("/{id:guid}/revoke", Revoke).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Revoke a key with immediate effect")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
        g.MapDelete("/{id:guid}", Revoke).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Revoke a key (same as POST …/revoke)")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<KeyDto>>> List(ForewarnDb db, Guid? partner, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(keys.Where(k => partner is null || k.PartnerId?.Value == partner)
            .OrderBy(k => k.CreatedAt).Select(KeyDto.From).ToList());
    }

    private static async Task<Results<Created<IssuedKey>, Accepted<ProposalDto>>> Issue(NewKey body, KeyService keys, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var outcome = await keys.IssueAsync(body, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        var (key, token) = outcome.Made!;
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new IssuedKey(KeyDto.From(key), token));
    }

    private static async Task<Ok<KeyDto>> Revoke(Guid id, KeyService keys, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(KeyDto.From(await keys.RevokeAsync(id, Actor.Of(user), ct)));
}
