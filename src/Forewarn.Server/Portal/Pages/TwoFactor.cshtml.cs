using System.ComponentModel.DataAnnotations;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal.Pages;

/// <summary>The second step: a code from the authenticator app, or one of the recovery codes.</summary>
[EnableRateLimiting(Accounts.SignInLimit.Policy)]
public sealed class TwoFactorModel(SignInManager<PortalUser> manager) : PageModel
{
    [BindProperty]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Or a recovery code")]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await manager.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/portal/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await manager.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/portal/sign-in");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var recovery = (RecoveryCode ?? "").Trim();
        if (code.Length == 0 && recovery.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the six-digit code your authenticator app shows.");
            return Page();
        }
        var result = code.Length > 0
            ? await manager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await manager.TwoFactorRecoveryCodeSignInAsync(recovery);
        if (result.Succeeded) return Redirect("/portal");
        if (result.IsLockedOut)
            ModelState.AddModelError(string.Empty, Accounts.PortalSignIn.Sentence(Accounts.PasswordOutcome.LockedOut));
        else if (code.Length > 0)
            ModelState.AddModelError(nameof(Code), "That code is not right (or has expired): enter the one your app shows now.");
        else
            ModelState.AddModelError(nameof(RecoveryCode), "That recovery code is not right, or was already used.");
        return Page();
    }
}
