using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages;

/// <summary>Signing out: a form post (anti-forgery checked), never a link a page elsewhere could make a browser follow.</summary>
public sealed class SignOutModel(SignInManager<PortalUser> manager) : PageModel
{
    public IActionResult OnGet() => Redirect("/portal");

    public async Task<IActionResult> OnPostAsync()
    {
        await manager.SignOutAsync();
        return Redirect("/portal/sign-in");
    }
}
