using System.Security.Claims;
using Forewarn.Domain.Keys;
using Forewarn.Server.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Forewarn.Server.Taxii;

/// <summary>
/// Who may read the TAXII service: partner keys with partner:read (their entitled view), and
/// staff keys with staff:read (everything servable, for support and checking what partners get).
/// </summary>
public static class TaxiiAccess
{
    public const string Policy = "taxii-read";

    public static void Add(AuthorizationOptions o) =>
        o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => IsStaff(c.User) ? c.User.HasClaim(Caller.ScopeClaim, KeyScopes.StaffRead)
                : IsPartner(c.User) && c.User.HasClaim(Caller.ScopeClaim, KeyScopes.PartnerRead)));

    public static bool IsStaff(ClaimsPrincipal user) => user.HasClaim(Caller.OwnerClaim, "staff");

    public static bool IsPartner(ClaimsPrincipal user) => user.HasClaim(Caller.OwnerClaim, "partner");
}
