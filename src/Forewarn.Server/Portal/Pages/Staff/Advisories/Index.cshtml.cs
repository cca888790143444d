using Forewarn.Server.Advisories;
using Forewarn.Server.Api.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>Every advisory with its state, release time and waves: what <c>GET /api/v1/advisories</c> lists.</summary>
public sealed class IndexModel(AdvisoryService advisories, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public IReadOnlyList<AdvisorySummaryDto> Advisories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await MayWriteAsync();
        Advisories = await advisories.ListAsync(ct);
        return Page();
    }
}
