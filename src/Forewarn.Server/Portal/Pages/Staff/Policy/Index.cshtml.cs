using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Policy;

/// <summary>
/// The policy as <c>GET /api/v1/policy</c> and <c>/policy/versions</c> show it: the version in force now
/// with its rules and the versions waiting for approval, then every version, newest first.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class IndexModel(ForewarnDb db, TimeProvider clock) : PageModel
{
    public PolicyVersionDto? InForce { get; private set; }
    public IReadOnlyList<PolicyVersionDto> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var versions = await db.PolicyVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct);
        if (PolicyVersion.InForce(versions, now) is { } v)
            InForce = PolicyVersionDto.From(v, await PendingChanges.OfAsync(db, null, now, ct));
        Versions = [.. versions.Select(x => PolicyVersionDto.From(x)).Reverse()];
        return Page();
    }
}
