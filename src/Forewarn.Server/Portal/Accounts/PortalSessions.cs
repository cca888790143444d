using System.Globalization;
using System.Security.Claims;
using Forewarn.Server.Auth;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// Checks a portal session on every request, so that what changed since sign-in counts at once:
/// a disabled or deleted user, a user whose password or second factor changed (security stamp),
/// and the user of a partner that is now suspended or removed are signed out on their next
/// request; and no session outlives <see cref="Absolute"/> after its sign-in, however active.
/// </summary>
public static class PortalSessions
{
    /// <summary>Idle time after which the cookie expires (sliding: each request renews it).</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    /// <summary>A session's longest life from its sign-in.</summary>
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(8);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (!await StillValidAsync(context.HttpContext, context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static Forewarn.Domain.Common.PartnerId? PartnerIdOrNull(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(Caller.PartnerClaim) is { } text && Guid.TryParse(text, out var id) ? new(id) : null;

    private static async Task<bool> StillValidAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(PortalPrincipal.UserClaim) is not { } text || !Guid.TryParse(text, out var id)) return false;
        var services = http.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!long.TryParse(principal.FindFirstValue(PortalPrincipal.SignedInClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var signedIn)
            || now - DateTimeOffset.FromUnixTimeSeconds(signedIn) >= Absolute)
            return false;
        var generations = await services.GetRequiredService<Entitlements.RequestFacts>().GenerationsAsync(http.RequestAborted);
        var user = await services.GetRequiredService<SessionUsers>().FindAsync(id, generations.Accounts, services.GetRequiredService<ForewarnDb>(), http.RequestAborted);
        if (user is null) return false;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        if (principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) != user.SecurityStamp) return false;
        if (user.PartnerId != principal.PartnerIdOrNull()) return false;
        return await services.GetRequiredService<PortalAccess>().MayStayAsync(user.DisabledAt, user.PartnerId, http.RequestAborted);
    }
}
