using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Partners;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Partners;

/// <summary>A partner as <c>GET /api/v1/partners/{id}</c> shows it: its facts, its status history, and changes waiting for approval.</summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class ShowModel(PartnerService partners, ForewarnDb db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public PartnerDto Partner { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    /// <summary>What the form that sent the user here did (<c>status</c>, <c>tier</c>, <c>details</c>, <c>proposed</c>).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            var partner = await partners.FindAsync(id, ct);
            Partner = PartnerDto.From(partner, await PendingChanges.OfAsync(db, partner.Id.ToString(), clock.GetUtcNow(), ct));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        MayWrite = (await authorization.AuthorizeAsync(User, StaffPolicies.Write)).Succeeded;
        return Page();
    }

    public string? DoneSentence => Done switch
    {
        "status" => "The status was changed.",
        "tier" => "The partner was moved to its new tier.",
        "details" => "The details were saved.",
        "proposed" => "The change is awaiting approval by a second staff member; it takes effect once approved.",
        _ => null,
    };
}
