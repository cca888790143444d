using System.ComponentModel.DataAnnotations;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal.Pages;

/// <summary>The first step of signing in: e-mail and password (then the second factor, or its enrolment).</summary>
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class SignInModel(PortalSignIn signIn) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet() => User.FindFirst(PortalPrincipal.UserClaim) is null ? Page() : Redirect("/portal");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.PasswordAsync(Input.Email, Input.Password);
        switch (outcome)
        {
            case PasswordOutcome.SignedIn: return Redirect("/portal");
            case PasswordOutcome.NeedsCode: return Redirect("/portal/two-factor");
            case PasswordOutcome.NeedsEnrolment: return Redirect("/portal/enrol");
            default:
                ModelState.AddModelError(string.Empty, PortalSignIn.Sentence(outcome));
                return Page();
        }
    }

    /// <summary>Fetched by the passkey script: the request options for signing in with a passkey of this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await signIn.PasskeyOptionsAsync(), "application/json");

    /// <summary>The browser's answer, posted by the passkey form: in, or a sentence (the password form's fields are not part of this post).</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        ModelState.Clear();
        var outcome = await signIn.PasskeyAsync(credential);
        if (outcome == PasswordOutcome.SignedIn) return Redirect("/portal");
        ModelState.AddModelError(string.Empty, PortalSignIn.Sentence(outcome));
        return Page();
    }
}
