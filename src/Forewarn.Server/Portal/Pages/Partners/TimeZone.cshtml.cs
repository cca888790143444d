using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// The viewer's time zone for every portal page (<see cref="PortalTime"/>): chosen from the
/// system's IANA zones, kept in a cookie of this browser — a preference, not an account setting.
/// </summary>
// Identity.Application is IdentityConstants.ApplicationScheme (not a constant, so not usable in an attribute).
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class TimeZoneModel(TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Zone { get; set; }

    public PortalTime Time { get; private set; } = null!;
    public bool Saved { get; private set; }
    public IEnumerable<SelectListItem> Choices => PortalTime.Zones.Select(z => new SelectListItem(z, z));

    public void OnGet()
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        Zone = Time.Zone.Id;
    }

    public IActionResult OnPost()
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        if (PortalTime.Find(Zone) is not { } zone)
        {
            ModelState.AddModelError(nameof(Zone), "Choose one of the listed time zones.");
            Zone = Time.Zone.Id;
            return Page();
        }
        PortalTime.Remember(Response, zone);
        Time = PortalTime.For(zone, Time.Now);
        Saved = true;
        return Page();
    }
}
