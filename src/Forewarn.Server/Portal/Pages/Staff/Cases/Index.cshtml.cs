using Forewarn.Domain.Cases;
using Forewarn.Server.Cases;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>The cases as <c>GET /api/v1/cases</c> lists them (newest first), optionally open or closed only.</summary>
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class IndexModel(ForewarnDb db, IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether the viewer may open a case (staff:write as well), so the link to the form is shown.</summary>
    public bool MayWrite { get; private set; }

    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public IReadOnlyList<CaseSummaryDto> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        MayWrite = (await authorization.AuthorizeAsync(User, StaffPolicies.Write)).Succeeded;
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(State))
        {
            if (Enum.TryParse<CaseState>(State.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(State, out _))
                query = query.Where(c => c.State == s);
            else
            {
                ModelState.AddModelError(nameof(State), $"'{State}' is not a case state; choose open or closed.");
                return Page();
            }
        }
        var cases = await query.ToListAsync(ct);
        var refs = await db.Advisories.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        Cases = [.. cases.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Reference, StringComparer.Ordinal)
            .Select(c => CaseSummaryDto.From(c, refs.GetValueOrDefault(c.AdvisoryId, "")))];
        return Page();
    }
}
