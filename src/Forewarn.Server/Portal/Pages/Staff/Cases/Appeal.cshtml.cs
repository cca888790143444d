using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Cases;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// Deciding a partner's appeal of a decision: uphold or overturn, with the reason the partner is told —
/// <see cref="CaseDecisionService.DecideAppealAsync"/>, as <c>POST /api/v1/cases/{id}/decisions/{n}/appeal-decision</c>.
/// Overturning lifts the sanction where it can be lifted; that reinstatement is under the same four eyes
/// (<c>sanction-lift</c>), so it may await a second staff member. Also on a closed case, as the API allows.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class AppealModel(CaseService cases, CaseDecisionService decisions) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["reason"] = nameof(Reason),
        ["unknown-appeal-outcome"] = nameof(Outcome),
    };

    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Case Case { get; private set; } = null!;
    public CaseDecision Decision { get; private set; } = null!;

    /// <summary>Whether the decision has an appeal staff have not decided yet (else the page says so and has no form).</summary>
    public bool Pending => Decision.Appeal is not null && Decision.AppealOutcome is null;

    public async Task<IActionResult> OnGetAsync(string id, int number, CancellationToken ct) => await LoadAsync(id, number, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, int number, CancellationToken ct)
    {
        if (!await LoadAsync(id, number, ct)) return NotFound();
        if (Outcome is not ("uphold" or "overturn")) ModelState.AddModelError(nameof(Outcome), "Choose whether the decision is upheld or overturned.");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Give the reason: the partner is told it.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var done = await decisions.DecideAppealAsync(Case.Reference, number, new AppealDecision(Outcome, Reason), PortalPrincipal.ActorOf(User), ct);
            var what = done.Decision.AppealOutcome == AppealOutcome.Upheld ? "appeal-upheld"
                : done.NotLifted is not null ? "appeal-not-lifted"
                : done.Lift?.Proposal is not null ? "appeal-proposed"
                : "appeal-overturned";
            return Redirect($"/portal/staff/cases/{Case.Reference}?done={what}#decisions");
        }
        catch (DomainException e)
        {
            FormErrors.Show(ModelState, e, Fields);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, int number, CancellationToken ct)
    {
        try
        {
            Case = await cases.FindAsync(id, ct);
            Decision = await decisions.DecisionAsync(Case, number, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
