using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Partners;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Partners;

/// <summary>Moving a partner to another tier: <see cref="PartnerService.MoveToTierAsync"/>, as <c>PUT /api/v1/partners/{id}/tier</c>.</summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class TierModel(PartnerService partners, ForewarnDb db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["tier"] = "Input.Tier", ["unknown-tier"] = "Input.Tier" };

    [BindProperty] public TierForm Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public string Current { get; private set; } = "";
    public IReadOnlyList<string> Tiers { get; private set; } = [];

    public sealed class TierForm
    {
        [Required(ErrorMessage = "Choose the tier.")]
        [Display(Name = "New tier")]
        public string? Tier { get; set; }

        public Guid Revision { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } partner) return NotFound();
        Input.Tier = partner.Tier;
        Input.Revision = PartnerRevision.Of(db, partner);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } partner) return NotFound();
        if (!ModelState.IsValid) return Page();
        PartnerRevision.Expect(db, partner, Input.Revision);
        try
        {
            await partners.MoveToTierAsync(id, Input.Tier, PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/partners/{partner.Id}?done=tier");
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, FormErrors.Stale);
        }
        catch (DomainException e)
        {
            FormErrors.Show(ModelState, e, Fields);
        }
        return Page();
    }

    private async Task<Partner?> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            var partner = await partners.FindAsync(id, ct);
            Name = partner.LegalName;
            Current = partner.Tier;
            Tiers = await db.Tiers.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
            return partner;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
