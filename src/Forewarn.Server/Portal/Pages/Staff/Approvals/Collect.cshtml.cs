using Forewarn.Domain.Accounts;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Invitations;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Approvals;

/// <summary>
/// Collecting an approved change whose secret goes to one person: a staff write key (its member; as
/// <c>POST /api/v1/approvals/{id}/key</c>) or an invitation to a role that can write (its proposer; as
/// <c>POST …/{id}/invitation</c>), through the same <see cref="ProposalService"/>. The token or link is on
/// the answer to the post only. Anyone else who may read sees the proposal and who collects it.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class CollectModel(ProposalService proposals, TimeProvider clock) : PageModel
{
    public ProposalDto Proposal { get; private set; } = null!;

    /// <summary>Whether the signed-in member is the one who collects it, and it waits to be collected.</summary>
    public bool MayCollect { get; private set; }

    /// <summary>A staff key's token or an invitation's link: shown on this answer only.</summary>
    public string? Secret { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var actor = PortalPrincipal.ActorOf(User);
        try
        {
            if (Proposal.Action == GatedAction.StaffWriteKey.Name())
            {
                var issued = await proposals.CollectKeyAsync(id, actor, ct);
                Secret = issued.Token;
                Done = $"The key {issued.Key.Name} ({issued.Key.Prefix}…) is yours. Copy its token now: it is shown only on this page, this once.";
            }
            else
            {
                var issued = await proposals.CollectInvitationAsync(id, actor, ct);
                Secret = InvitationEndpoints.Shown(issued, HttpContext).Link;
                Done = $"{issued.Invitation.Email} is invited as {issued.Invitation.Role.Name()}. Send them this link; it is shown only now and works once, for 7 days.";
            }
        }
        catch (DomainException e) when (e.Category is not ErrorCategory.NotFound)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Proposal proposal;
        try
        {
            proposal = await proposals.FindAsync(id, ct);
        }
        catch (DomainException e) when (e.Category is ErrorCategory.NotFound)
        {
            return false;
        }
        // Only what is collected has this page; any other proposal is as unknown here as a missing one.
        if (!proposal.Action.IsCollected()) return false;
        var now = clock.GetUtcNow();
        Proposal = ProposalDto.From(proposal, now);
        MayCollect = ProposalService.CollectorOf(proposal) is { } collector && collector == User.Member()
                     && proposal.StateAt(now) == ProposalState.Approved && proposal.AppliedAt is null;
        return true;
    }
}
