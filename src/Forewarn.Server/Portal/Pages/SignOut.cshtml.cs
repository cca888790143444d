using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages;

/// <summary>
/// Signing out: the page asks, and the form post (anti-forgery checked) signs out — never a plain
/// link, which a page elsewhere could make a browser follow.
/// </summary>
public sealed class SignOutModel(SignInManager<PortalUser> manager) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await manager.SignOutAsync();
        return Redirect("/portal/sign-in");
    }
}
