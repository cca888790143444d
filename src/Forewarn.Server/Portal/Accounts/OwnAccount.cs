using System.Security.Claims;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// What a signed-in person changes about their own account: the password and the recovery codes.
/// A new password changes the security stamp, which ends every other session of the account
/// (<see cref="PortalSessions"/>); this session is renewed, keeping its sign-in time so that it
/// still ends <see cref="PortalSessions.Absolute"/> after the sign-in.
/// </summary>
public sealed class OwnAccount(UserManager<PortalUser> users, SignInManager<PortalUser> manager)
{
    /// <summary>Identity's objections to the change (nothing changed), or none when the password is changed.</summary>
    public async Task<IReadOnlyList<(string Field, string Problem)>> ChangePasswordAsync(PortalUser user, string current, string next)
    {
        if (!await users.CheckPasswordAsync(user, current)) return [("Current", "That is not your current password.")];
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded) return [.. changed.Errors.Select(e => ("New", e.Description))];
        await RenewSessionAsync(user);
        return [];
    }

    /// <summary>Ten new recovery codes (the old ones stop working), or null when the user has no authenticator to recover.</summary>
    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(PortalUser user) =>
        user.TwoFactorEnabled ? [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []] : null;

    /// <summary>Re-issues this session's cookie for the user's new security stamp, from the same sign-in time.</summary>
    public async Task RenewSessionAsync(PortalUser user)
    {
        var http = manager.Context;
        var signedIn = http.User.FindFirst(PortalPrincipal.SignedInClaim);
        var method = http.User.FindFirst(ClaimTypes.AuthenticationMethod);
        var principal = await manager.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (signedIn is not null)
        {
            foreach (var fresh in identity.FindAll(PortalPrincipal.SignedInClaim).ToList()) identity.RemoveClaim(fresh);
            identity.AddClaim(new Claim(PortalPrincipal.SignedInClaim, signedIn.Value));
        }
        if (method is not null) identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
    }
}
