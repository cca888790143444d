using Forewarn.Domain.Accounts;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages;

/// <summary>The portal's home: who is signed in, as what, and where to go (the partner's inbox, the staff dashboard).</summary>
// Identity.Application is IdentityConstants.ApplicationScheme (not a constant, so not usable in an attribute).
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class IndexModel(ForewarnDb db) : PageModel
{
    public string Name { get; private set; } = "";
    public PortalRole Role { get; private set; }
    public string? Organisation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = PortalPrincipal.UserOf(User);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Redirect("/portal/sign-in");
        Name = user.DisplayName;
        Role = user.Role;
        if (user.PartnerId is { } partner)
            Organisation = (await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partner, ct))?.LegalName;
        return Page();
    }
}
