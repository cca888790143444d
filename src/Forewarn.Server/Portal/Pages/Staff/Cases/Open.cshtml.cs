using Forewarn.Domain.Common;
using Forewarn.Server.Cases;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Sightings;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// Opening a case on an advisory: <see cref="CaseService.OpenAsync"/>, as <c>POST /api/v1/cases</c> — the
/// same checks (the advisory exists, each linked sighting is of it), the same <c>case.opened</c> entry, and
/// the same two policies (staff:write and staff:investigate).
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class OpenModel(CaseService cases, SightingService sightings, ForewarnDb db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["advisory"] = nameof(Advisory),
        ["not-found"] = nameof(Advisory),
        ["case title"] = nameof(Title),
        ["title"] = nameof(Title),
        ["unknown-sighting"] = nameof(Sightings),
    };

    /// <summary>The advisory (reference); given in the address, it narrows the sightings offered to its own.</summary>
    [BindProperty(SupportsGet = true)] public string? Advisory { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public List<string> Sightings { get; set; } = [];

    public IReadOnlyList<string> Advisories { get; private set; } = [];
    public IReadOnlyList<SightingDto> Offered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Advisory)) ModelState.AddModelError(nameof(Advisory), "Choose the advisory the case is about.");
        if (string.IsNullOrWhiteSpace(Title)) ModelState.AddModelError(nameof(Title), "Give the case a title.");
        if (ModelState.IsValid)
        {
            try
            {
                var c = await cases.OpenAsync(new NewCase(Advisory, Title, Sightings), PortalPrincipal.ActorOf(User), ct);
                return Redirect($"/portal/staff/cases/{c.Reference}?done=opened");
            }
            catch (DomainException e)
            {
                FormErrors.Show(ModelState, e, Fields);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Advisories = await db.Advisories.AsNoTracking().OrderByDescending(a => a.ReleaseAt).Select(a => a.Reference).ToListAsync(ct);
        var of = Advisories.Contains(Advisory?.Trim().ToUpperInvariant() ?? "") ? Advisory : null;
        // The sightings of the advisory chosen, else the latest of all (each labelled with its advisory); the service checks they match.
        Offered = await sightings.ListAsync(of, null, 100, ct);
    }
}
