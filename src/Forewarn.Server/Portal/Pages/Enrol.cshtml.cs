using System.ComponentModel.DataAnnotations;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal.Pages;

/// <summary>
/// Enrolling an authenticator app, required of staff and partner admins before their first
/// session: scan the code (or type the key), confirm with a code, keep the recovery codes (shown once).
/// </summary>
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class EnrolModel(SignInManager<PortalUser> manager, AuthenticatorEnrolment enrolment) : PageModel
{
    [BindProperty]
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public AuthenticatorEnrolment.Shown? Shown { get; private set; }

    /// <summary>Set once the app is confirmed: the recovery codes, shown on this answer only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await manager.GetTwoFactorAuthenticationUserAsync() is not { TwoFactorEnabled: false } user) return Redirect("/portal/sign-in");
        Shown = await enrolment.ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await manager.GetTwoFactorAuthenticationUserAsync() is not { TwoFactorEnabled: false } user) return Redirect("/portal/sign-in");
        if (string.IsNullOrWhiteSpace(Code) || await enrolment.ConfirmAsync(user, Code) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), string.IsNullOrWhiteSpace(Code)
                ? "Enter the six-digit code your authenticator app shows."
                : "That code is not right: check the app shows Forewarn's code for this account, and enter the one it shows now.");
            Shown = await enrolment.ShowAsync(user);
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await manager.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        RecoveryCodes = codes;
        return Page();
    }
}
