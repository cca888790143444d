using System.ComponentModel.DataAnnotations;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Account;

/// <summary>
/// Setting up an authenticator app from the account page, for a signed-in person who has none:
/// a partner user opting in, or anyone whose lost authenticator was reset (and who signed in with a passkey).
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class AuthenticatorModel(UserManager<PortalUser> users, AuthenticatorEnrolment enrolment, OwnAccount account) : PageModel
{
    [BindProperty]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public AuthenticatorEnrolment.Shown? Shown { get; private set; }

    /// <summary>Set once the app is confirmed: the recovery codes, shown on this answer only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.FindByIdAsync(PortalPrincipal.UserOf(User).ToString()) is not { } me) return Redirect("/portal/sign-in");
        if (me.TwoFactorEnabled) return Redirect("/portal/account");
        await ShowAsync(me);
        return Page();
    }

    // Making the key changes the security stamp: this session is renewed for it, the account's other sessions end.
    private async Task ShowAsync(PortalUser me)
    {
        var stamp = me.SecurityStamp;
        Shown = await enrolment.ShowAsync(me);
        if (me.SecurityStamp != stamp) await account.RenewSessionAsync(me);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.FindByIdAsync(PortalPrincipal.UserOf(User).ToString()) is not { } me) return Redirect("/portal/sign-in");
        if (me.TwoFactorEnabled) return Redirect("/portal/account");
        if (string.IsNullOrWhiteSpace(Code) || await enrolment.ConfirmAsync(me, Code) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), string.IsNullOrWhiteSpace(Code)
                ? "Enter the six-digit code your authenticator app shows."
                : "That code is not right: enter the one your app shows now for Forewarn.");
            await ShowAsync(me);
            return Page();
        }
        await account.RenewSessionAsync(me); // turning the second factor on changed the security stamp
        RecoveryCodes = codes;
        return Page();
    }
}
