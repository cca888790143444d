using Forewarn.Domain.Partners;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages;

/// <summary>
/// A partner's inbox: what is open now and what opens when, and why not yet — the very items
/// <c>GET /api/v1/me/advisories</c> answers the partner's keys (the same entitled view, the same
/// rules); anything else is not on the page at all.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerRead)]
public sealed class InboxModel(PartnerView view, EntitledViews views, TimeProvider clock) : PageModel
{
    public string Organisation { get; private set; } = "";
    /// <summary>The page's moment and the viewer's time zone: every time and countdown on the page.</summary>
    public PortalTime Time { get; private set; } = null!;
    public DateTimeOffset Now => Time.Now;
    /// <summary>Why nothing is served, when the partner is not receiving (an applicant, say).</summary>
    public string? NotReceiving { get; private set; }
    public IReadOnlyList<MyAdvisoryDto> Advisories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await view.PartnerAsync(User.PartnerId(), ct) is not { } partner) return NotFound();
        Organisation = partner.LegalName;
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        var status = partner.StatusAt(Now);
        if (!status.Receives())
        {
            NotReceiving = $"{partner.LegalName} is {status.Name()}: nothing is served to it for now.";
            return Page();
        }
        Advisories = await PartnerInbox.ListedAsync(await views.ForAsync(partner.Id, Now, ct), ct);
        return Page();
    }

    /// <summary>How long until <paramref name="at"/> from the page's moment ("in 3 d 4 h"): the countdown without a script.</summary>
    public string Until(DateTimeOffset at) => Time.Until(at);

    /// <summary>A moment in the viewer's time zone, with UTC beside it.</summary>
    public string Show(DateTimeOffset at) => Time.Show(at);
}
