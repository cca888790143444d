using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Sightings;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Sightings;

/// <summary>
/// Breaking an advisory's embargo on a sighting of exploitation before release: <see cref="EmbargoBreakService.BreakAsync"/>,
/// as <c>POST /api/v1/advisories/{id}/embargo-break</c> (staff:write) — release now, every partner told, the public
/// document published; under four eyes (<c>releaseEarlier</c>) it becomes a proposal a second member approves.
/// Because it publishes the advisory, the form asks for an explicit confirmation: a checkbox and the advisory's reference typed.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class EmbargoBreakModel(SightingService sightings, EmbargoBreakService embargo, ForewarnDb db, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["reason"] = nameof(Reason) };

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public string? Reference { get; set; }

    public SightingDto Sighting { get; private set; } = null!;
    public Advisory Advisory { get; private set; } = null!;
    public bool UnderEmbargo => Advisory.WithdrawnAt is null && Advisory.ScheduledAt is not null && clock.GetUtcNow() < Advisory.ReleaseAt;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Give the reason: every partner is told it.");
        if (!Confirm) ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm that the advisory is published now.");
        if (!string.Equals(Reference?.Trim(), Advisory.Reference, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(Reference), $"Type the advisory's reference, {Advisory.Reference}, to confirm which advisory is published.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var outcome = await embargo.BreakAsync(Advisory.Id.ToString(), new EmbargoBreak(Sighting.Id.ToString(), Reason), PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/sightings/{Sighting.Id}?done={(outcome.Proposal is null ? "broken" : "proposed")}");
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
            Sighting = await sightings.ShowAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        var advisoryId = new AdvisoryId(Sighting.AdvisoryId);
        Advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == advisoryId, ct);
        return true;
    }
}
