using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Cases;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// Adding a note to a case's evidence: <see cref="CaseService.AddEvidenceAsync"/> with kind <c>note</c>, as
/// <c>POST /api/v1/cases/{id}/evidence</c> — which needs <c>staff:write</c> and <c>staff:investigate</c>, so this page does.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class NoteModel(CaseService cases) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["note"] = "Input.Text" };

    [BindProperty] public NoteForm Input { get; set; } = new();

    public Case Case { get; private set; } = null!;

    public sealed class NoteForm
    {
        [Required(ErrorMessage = "Write the note.")]
        [Display(Name = "Note (kept as evidence; it cannot be changed or removed later)")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await cases.AddEvidenceAsync(Case.Reference, new NewEvidence("note", Input.Text, null, null, null, null, null, null), PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/cases/{Case.Reference}?done=note");
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
