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

/// <summary>
/// Changing a partner's status with a reason: <see cref="PartnerService.ChangeStatusAsync"/>, as
/// <c>POST /api/v1/partners/{id}/status</c> — the same transitions, the same log entry, the same four
/// eyes on removal (then the page says it awaits approval).
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class StatusModel(PartnerService partners, ForewarnDb db, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["reason for the status change"] = "Input.Reason",
        ["unknown-status"] = "Input.Status",
        ["illegal-status-change"] = "Input.Status",
    };

    [BindProperty] public StatusForm Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public PartnerStatus Current { get; private set; }
    public IReadOnlyList<PartnerStatus> Next { get; private set; } = [];

    public sealed class StatusForm
    {
        [Required(ErrorMessage = "Choose the new status.")]
        [Display(Name = "New status")]
        public string? Status { get; set; }

        [Required(ErrorMessage = "Give the reason: the partner is told it.")]
        [Display(Name = "Reason (the partner is told it)")]
        public string? Reason { get; set; }

        public Guid Revision { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } partner) return NotFound();
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
            var outcome = await partners.ChangeStatusAsync(id, Input.Status, Input.Reason, PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/partners/{partner.Id}?done={(outcome.Proposal is null ? "status" : "proposed")}");
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
            Current = partner.StatusAt(clock.GetUtcNow());
            Next = PartnerStatuses.NextFrom(Current);
            return partner;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
