using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Keys;

/// <summary>
/// A partner's admin key manages the organisation's own API keys (<see cref="PartnerKeys"/>, the
/// service the portal's keys page calls): list them (never a secret), issue one (its token in that
/// answer only), revoke one with immediate effect.
/// </summary>
public static class MyKeyEndpoints
{
    public static void MapMyKeys(this IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/me/keys").WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerAdmin);
        mine.MapGet("/", List).WithSummary("My organisation's API keys (never their secrets)");
        mine.MapPost("/", Issue)
            .WithSummary("Issue a key for my organisation, with partner scopes I hold (never partner:webhooks); the token is in this answer only")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.Forbidden, ErrorCategory.Conflict);
        mine.MapPost("/{id:guid}/revoke", Revoke).WithSummary("Revoke one of my organisation's keys with immediate effect")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    /// <summary>The scopes the caller holds: the most a key it issues may carry.</summary>
    public static IEnumerable<string> Held(ClaimsPrincipal user) => user.FindAll(Caller.ScopeClaim).Select(c => c.Value);

    private static async Task<Ok<List<MyKeyDto>>> List(ClaimsPrincipal user, PartnerKeys keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.MineAsync(user.PartnerId(), ct)).Select(MyKeyDto.From).ToList());

    private static async Task<Created<IssuedOwnKey>> Issue(NewOwnKey body, ClaimsPrincipal user, PartnerKeys keys, CancellationToken ct)
    {
        var (key, token) = await keys.IssueAsync(user.PartnerId(), Held(user), body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/me/keys/{key.Id}", new IssuedOwnKey(MyKeyDto.From(new PartnerKeyView(key, null)), token));
    }

    private static async Task<Ok<MyKeyDto>> Revoke(Guid id, ClaimsPrincipal user, PartnerKeys keys, CancellationToken ct) =>
        TypedResults.Ok(MyKeyDto.From(new PartnerKeyView(await keys.RevokeAsync(user.PartnerId(), id, Actor.Of(user), ct), null)));
}
