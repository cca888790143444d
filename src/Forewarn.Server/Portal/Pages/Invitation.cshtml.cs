using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Server.Invitations;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal.Pages;

/// <summary>
/// Accepting an invitation: the invitee chooses a name and a password; a role that needs a second
/// factor goes on to enrol an authenticator before its first session.
/// </summary>
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class InvitationModel(InvitationService invitations, PortalSignIn signIn) : PageModel
{
    [BindProperty]
    public AcceptForm Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }

    public sealed class AcceptForm
    {
        [Required(ErrorMessage = "Enter your name, as colleagues know you.")]
        [Display(Name = "Your name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose a password of at least 12 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password (at least 12 characters)")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Password again")]
        public string Confirm { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindOpenAsync(token, ct);
        if (Invitation is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindOpenAsync(token, ct);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var (user, problems) = await invitations.AcceptAsync(token, Input.Name, Input.Password, ct);
            if (user is null)
            {
                foreach (var problem in problems) ModelState.AddModelError("Input.Password", problem);
                return Page();
            }
            return await signIn.ContinueAsync(user) switch
            {
                PasswordOutcome.NeedsEnrolment => Redirect("/portal/enrol"),
                PasswordOutcome.NeedsCode => Redirect("/portal/two-factor"),
                _ => Redirect("/portal"),
            };
        }
        catch (InvalidFieldException e) when (e.Field == "name")
        {
            ModelState.AddModelError("Input.Name", e.Message);
            return Page();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }
    }
}
