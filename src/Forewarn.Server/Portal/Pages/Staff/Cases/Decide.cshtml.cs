using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Cases;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// Deciding on a partner in a case: <see cref="CaseDecisionService"/>.DecideAsync, as
/// <c>POST /api/v1/cases/{id}/decisions</c> — the same kinds, checks, log entry and four eyes (a removal or
/// a reinstatement may await a second staff member's approval; the case page then says so).
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class DecideModel(CaseService cases, CaseDecisionService decisions, ForewarnDb db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["reason"] = "Input.Reason",
        ["unknown-decision"] = "Input.Kind",
        ["unknown-tier"] = "Input.Tier",
        ["same-tier"] = "Input.Tier",
        ["unknown-content-class"] = "Input.Classes",
        ["already-restricted"] = "Input.Classes",
        ["not-found"] = "Input.Partner",
    };

    [BindProperty] public DecisionForm Input { get; set; } = new();

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<(string Id, string Name)> Partners { get; private set; } = [];
    public IReadOnlyList<string> Tiers { get; private set; } = [];

    public sealed class DecisionForm
    {
        [Required(ErrorMessage = "Choose the partner the decision is about.")]
        [Display(Name = "Partner")]
        public string? Partner { get; set; }

        [Required(ErrorMessage = "Choose what is decided.")]
        [Display(Name = "Decision")]
        public string? Kind { get; set; }

        [Required(ErrorMessage = "Give the reason: the partner is told it.")]
        [Display(Name = "Reason (the partner is told it)")]
        public string? Reason { get; set; }

        /// <summary>For a restriction: the classes withheld.</summary>
        public List<string> Classes { get; set; } = [];

        [Display(Name = "Tier (for a tier move)")]
        public string? Tier { get; set; }

        [Display(Name = "Number of the decision lifted (for a reinstatement)")]
        [Range(1, 10_000, ErrorMessage = "The number of a decision of this case, from 1.")]
        public int? Lifts { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            var outcome = await decisions.DecideAsync(Case.Reference,
                new NewDecision(Input.Partner, Input.Kind, Input.Reason, Input.Classes ?? [], Input.Tier, Input.Lifts), PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/cases/{Case.Reference}?done={(outcome.Proposal is null ? "decided" : "proposed")}");
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
        }
        catch (NotFoundException)
        {
            return false;
        }
        Partners = [.. (await db.Partners.AsNoTracking().OrderBy(p => p.LegalName).Select(p => new { p.Id, p.LegalName }).ToListAsync(ct))
            .Select(p => (p.Id.ToString(), p.LegalName))];
        Tiers = await db.Tiers.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        return true;
    }

    public static IReadOnlyList<DecisionKind> Kinds => DecisionKinds.All;
    public static IReadOnlyList<ContentClass> ClassChoices => ContentClasses.All;
}
