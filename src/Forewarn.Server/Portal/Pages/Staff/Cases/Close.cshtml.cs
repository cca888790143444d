using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Cases;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// Closing a case with the summary of what the investigation concluded: <see cref="CaseService.CloseAsync"/>,
/// as <c>POST /api/v1/cases/{id}/close</c> (logged as <c>case.closed</c>). A closed case takes no more evidence or decisions.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class CloseModel(CaseService cases) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["closing summary"] = nameof(Summary) };

    [BindProperty] public string? Summary { get; set; }

    public Case Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Summary))
        {
            ModelState.AddModelError(nameof(Summary), "Write what the investigation concluded.");
            return Page();
        }
        try
        {
            await cases.CloseAsync(Case.Reference, new CaseClosing(Summary), PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/cases/{Case.Reference}?done=closed");
        }
        catch (DomainException e)
        {
            FormErrors.Show(ModelState, e, Fields);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            Case = await cases.FindAsync(id, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
