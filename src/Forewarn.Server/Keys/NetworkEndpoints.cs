using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Keys;

/// <summary>
/// The networks a key, or every key of a partner, may be used from: read, set (PUT a list of CIDR
/// blocks; an empty list clears), clear (DELETE). Staff only, like issuing keys; every change is logged.
/// </summary>
public static class NetworkEndpoints
{
    public static void MapNetworks(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/keys/{id}/networks").WithTags("Keys");
        keys.MapGet("/", (string id, NetworkService networks, CancellationToken ct) => Ok(networks.OfKeyAsync(id, ct)))
            .RequireAuthorization(AccessPolicies.StaffRead).WithSummary("The networks a key may be used from (empty: anywhere its partner's allow)")
            .Refuses(ErrorCategory.NotFound);
        keys.MapPut("/", (string id, NetworkList body, NetworkService networks, ClaimsPrincipal user, CancellationToken ct) =>
                Ok(networks.SetKeyAsync(id, body.Networks, Actor.Of(user), ct)))
            .RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Bind a key to networks (CIDR blocks; an empty list clears)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
        keys.MapDelete("/", (string id, NetworkService networks, ClaimsPrincipal user, CancellationToken ct) =>
                Ok(networks.SetKeyAsync(id, [], Actor.Of(user), ct)))
            .RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Unbind a key from networks")
            .Refuses(ErrorCategory.NotFound);

        var partners = api.MapGroup("/partners/{id}/networks").WithTags("Partners");
        partners.MapGet("/", (string id, NetworkService networks, CancellationToken ct) => Ok(networks.OfPartnerAsync(id, ct)))
            .RequireAuthorization(AccessPolicies.StaffRead).WithSummary("The networks every key of a partner may be used from (empty: unbound)")
            .Refuses(ErrorCategory.NotFound);
        partners.MapPut("/", (string id, NetworkList body, NetworkService networks, ClaimsPrincipal user, CancellationToken ct) =>
                Ok(networks.SetPartnerAsync(id, body.Networks, Actor.Of(user), ct)))
            .RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Bind every key of a partner to networks (CIDR blocks; an empty list clears)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
        partners.MapDelete("/", (string id, NetworkService networks, ClaimsPrincipal user, CancellationToken ct) =>
                Ok(networks.SetPartnerAsync(id, [], Actor.Of(user), ct)))
            .RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Unbind a partner's keys from networks")
            .Refuses(ErrorCategory.NotFound);
    }

    private static async Task<Ok<NetworksView>> Ok(Task<NetworksView> view) => TypedResults.Ok(await view);
}

/// <summary>CIDR blocks (<c>192.0.2.0/24</c>, <c>2001:db8::/48</c>, or a single address); empty clears the binding.</summary>
public sealed record NetworkList(IReadOnlyList<string?>? Networks);
