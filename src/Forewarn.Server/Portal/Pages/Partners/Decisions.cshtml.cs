using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Cases;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// The decisions of the programme's cases about the partner (<c>GET /api/v1/me/decisions</c>: what
/// was decided and why, never the evidence) and the appeal of one (<c>POST …/{id}/appeal</c>), both
/// through <see cref="CaseDecisionService"/>. Appealing needs what the API asks of a key
/// (<c>partner:acknowledge</c>); another partner's decision is not found.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerRead)]
public sealed class DecisionsModel(CaseDecisionService decisions, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public PortalTime Time { get; private set; } = null!;
    public IReadOnlyList<MyDecisionDto> Decisions { get; private set; } = [];
    public bool MayAppeal { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public AppealForm Appeal { get; set; } = new();

    public sealed class AppealForm
    {
        public string? Decision { get; set; }

        [Required(ErrorMessage = "Say why the decision should be changed.")]
        [StringLength(CaseDecision.MaxAppeal, ErrorMessage = "The appeal is at most 4000 characters.")]
        [Display(Name = "Your appeal")]
        public string? Text { get; set; }
    }

    /// <summary>Whether the partner may still appeal a decision: one that holds something against it, not yet appealed.</summary>
    public static bool Appealable(MyDecisionDto d) => d.Appeal is null && d.Kind != DecisionKind.NoAction.Name() && d.Kind != DecisionKind.Reinstate.Name();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Done = Request.Query["done"] == "appealed" ? "Your appeal is recorded. The programme's staff decide it and you will see the outcome here." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAppealAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!MayAppeal || Decisions.FirstOrDefault(d => d.Id.ToString() == Appeal.Decision) is not { } decision) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await decisions.AppealAsync(User.PartnerId(), decision.Id.ToString(), new AppealRequest(Appeal.Text), PortalPrincipal.ActorOf(User), ct);
        }
        catch (DomainException e) when (e.Category != ErrorCategory.NotFound)
        {
            ModelState.AddModelError("Appeal.Text", e.Message);
            return Page();
        }
        return Redirect($"/portal/decisions?done=appealed#decision-{decision.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        Decisions = await decisions.OfPartnerAsync(User.PartnerId(), ct);
        MayAppeal = (await authorization.AuthorizeAsync(User, AccessPolicies.PortalPartnerAcknowledge)).Succeeded;
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
