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
    PasskeyUnknown,
}

/// <summary>The portal's sign-in steps over Identity's <see cref="SignInManager{TUser}"/>, shared by the sign-in and invitation pages.</summary>
public sealed class PortalSignIn(SignInManager<PortalUser> manager, UserManager<PortalUser> users, PortalAccess access)
{
    /// <summary>The request options (WebAuthn JSON) for signing in with any passkey of this site: the authenticator names the account.</summary>
    public Task<string> PasskeyOptionsAsync() => manager.MakePasskeyRequestOptionsAsync(null);

    /// <summary>
    /// Signing in with a passkey: Identity checks the assertion; then the same checks as after a
    /// password (locked out, disabled, suspended partner). A passkey with user verification is
    /// phishing-resistant multi-factor authentication on its own, so no code follows it.
    /// </summary>
    public async Task<PasswordOutcome> PasskeyAsync(string? credentialJson)
    {
        if (string.IsNullOrWhiteSpace(credentialJson)) return PasswordOutcome.PasskeyUnknown;
        PasskeyAssertionResult<PortalUser> assertion;
        try
        {
            assertion = await manager.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or FormatException or ArgumentException)
        {
            return PasswordOutcome.PasskeyUnknown; // no ceremony under way (expired), or not an answer at all
        }
        if (!assertion.Succeeded) return PasswordOutcome.PasskeyUnknown;
        var user = assertion.User;
        if (await users.IsLockedOutAsync(user)) return PasswordOutcome.LockedOut;
        if (!await access.MaySignInAsync(user, CancellationToken.None)) return PasswordOutcome.Refused;
        // The new signature counter and flags (a cloned authenticator shows up as a counter going back).
        if (!(await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded) return PasswordOutcome.PasskeyUnknown;
        await manager.SignInAsync(user, isPersistent: false, authenticationMethod: "passkey");
        return PasswordOutcome.SignedIn;
    }

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
        PasswordOutcome.PasskeyUnknown => "That passkey did not sign you in: it is not registered here, or the step took too long. Try again, or sign in with your password.",
        PasswordOutcome.Refused => "This account may not sign in now: it is disabled, or its organisation's access is suspended. Ask your programme contact.",
        _ => "The e-mail address or the password is wrong.",
    };
}
