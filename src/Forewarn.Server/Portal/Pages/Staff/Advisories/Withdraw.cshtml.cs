using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// Withdrawing an advisory through <see cref="AdvisoryService.WithdrawAsync"/>, as
/// <c>POST /api/v1/advisories/{id}/withdraw</c> does: nothing of it is served any more, and the
/// partners who know of it are told. It cannot be undone, so the page says so and asks for the
/// reason and a confirmation; withdrawing narrows disclosure, so (as in the API) no second member is needed.
/// </summary>
public sealed class WithdrawModel(AdvisoryService advisories, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public AdvisoryDto Advisory { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Reason (partners who know of the advisory are told, and the log keeps it)")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "I understand that a withdrawn advisory cannot be served, edited or released again")]
    public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (!Confirmed) ModelState.AddModelError(nameof(Confirmed), "Tick the box to confirm: a withdrawal cannot be undone.");
        if (!ModelState.IsValid) return Page();
        try
        {
            await advisories.WithdrawAsync(Advisory.Id.ToString(), Reason, Actor, ct);
            return Redirect($"/portal/staff/advisories/{Advisory.Reference}");
        }
        catch (DomainException e) when (!Missing(e))
        {
            Refused(e, f => f is InvalidFieldException ? nameof(Reason) : null);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            Advisory = await advisories.ViewAsync(await advisories.FindAsync(id, ct), ct);
            return true;
        }
        catch (DomainException e) when (Missing(e))
        {
            return false;
        }
    }
}
