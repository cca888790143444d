using System.Security.Claims;
using Forewarn.Domain.Accounts;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>What a password attempt came to.</summary>
public enum PasswordOutcome
{
    SignedIn,
    NeedsCode,
    NeedsEnrolment,
    Wrong,
    LockedOut,
    Refused,
}

/// <summary>The portal's sign-in steps over Identity's <see cref="SignInManager{TUser}"/>, shared by the sign-in and invitation pages.</summary>
public sealed class PortalSignIn(SignInManager<PortalUser> manager, UserManager<PortalUser> users, PortalAccess access)
{
    public async Task<PasswordOutcome> PasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return PasswordOutcome.Wrong; // unknown and wrong answer alike
        var check = await manager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut) return PasswordOutcome.LockedOut;
        if (!check.Succeeded) return PasswordOutcome.Wrong;
        if (!await access.MaySignInAsync(user, CancellationToken.None)) return PasswordOutcome.Refused;
        return await ContinueAsync(user);
    }

    /// <summary>After the password (or an accepted invitation): the second factor, its enrolment, or in.</summary>
    public async Task<PasswordOutcome> ContinueAsync(PortalUser user)
    {
        if (user.TwoFactorEnabled)
        {
            await RememberPasswordStepAsync(user);
            return PasswordOutcome.NeedsCode;
        }
        if (user.Role.NeedsSecondFactor())
        {
            await RememberPasswordStepAsync(user);
            return PasswordOutcome.NeedsEnrolment;
        }
        await manager.SignInAsync(user, isPersistent: false);
        return PasswordOutcome.SignedIn;
    }

    // Identity's own half-signed-in state (its two-factor cookie names the user by id), which its
    // authenticator and recovery-code steps read; enrolment reads it too.
    private Task RememberPasswordStepAsync(PortalUser user) =>
        manager.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));

    public static string Sentence(PasswordOutcome outcome) => outcome switch
    {
        PasswordOutcome.LockedOut => "Too many wrong attempts: this account is locked for 15 minutes. Try again later.",
        PasswordOutcome.Refused => "This account may not sign in now: it is disabled, or its organisation's access is suspended. Ask your programme contact.",
        _ => "The e-mail address or the password is wrong.",
    };
}
