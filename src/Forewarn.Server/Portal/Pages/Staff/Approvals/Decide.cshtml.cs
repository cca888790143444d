using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Approvals;

/// <summary>
/// One proposal, approved or rejected by a staff member who may write — the same
/// <see cref="ProposalService"/> as <c>POST /api/v1/approvals/{id}/approve|reject</c>, so the same
/// rules: a different member from the proposer, before it expires, once.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class DecideModel(ProposalService proposals, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public ProposalDto Proposal { get; private set; } = null!;
    public string Proposed { get; private set; } = "";

    [BindProperty]
    [Display(Name = "Why it is rejected")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await DecideAsync(id, "approved", () => proposals.ApproveAsync(id, PortalPrincipal.ActorOf(User), ct), ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Say why it is rejected: the proposer and the log read it.");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return await DecideAsync(id, "rejected", () => proposals.RejectAsync(id, Reason, PortalPrincipal.ActorOf(User), ct), ct);
    }

    private async Task<IActionResult> DecideAsync(Guid id, string done, Func<Task> decide, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await decide();
        }
        catch (DomainException e) when (e.Category is not ErrorCategory.NotFound)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(id, ct);
            return Page();
        }
        return Redirect($"/portal/staff/approvals?done={done}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Proposal = ProposalDto.From(await proposals.FindAsync(id, ct), clock.GetUtcNow());
        }
        catch (DomainException e) when (e.Category is ErrorCategory.NotFound)
        {
            return false;
        }
        Proposed = Proposal.Request?.ToJsonString(Indented) ?? "";
        return true;
    }
}
