using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Approvals;

/// <summary>
/// The changes waiting for a second staff member (<c>GET /api/v1/approvals</c>): what, proposed by
/// whom, until when; each opens on the page where a member who may write approves or rejects it.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class IndexModel(ProposalService proposals, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProposalDto> Pending { get; private set; } = [];

    /// <summary>Approved keys and invitations that the signed-in member collects and has not yet.</summary>
    public IReadOnlyList<ProposalDto> ToCollect { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Pending = (await proposals.ListAsync("pending", ct)).Select(p => ProposalDto.From(p, now)).ToList();
        var member = User.Member();
        ToCollect = [.. (await proposals.ListAsync("approved", ct))
            .Where(p => p.AppliedAt is null && member is not null && ProposalService.CollectorOf(p) == member)
            .Select(p => ProposalDto.From(p, now))];
        Done = done switch
        {
            "approved" => "Approved: the change was made (a staff write key waits for its member to collect it, an invitation for its proposer).",
            "rejected" => "Rejected: nothing changed.",
            _ => null,
        };
    }
}
