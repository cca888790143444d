using Forewarn.Domain.Partners;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Partners;

/// <summary>
/// The partners as <c>GET /api/v1/partners</c> lists them (by legal name; status as of now), filtered by
/// tier, status and headquarters country from a GET form, so a filtered list is a link.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class IndexModel(ForewarnDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    public IReadOnlyList<string> Tiers { get; private set; } = [];
    public IReadOnlyList<Partner> Partners { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tiers = await db.Tiers.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        IEnumerable<Partner> partners = await db.Partners.AsNoTracking().OrderBy(p => p.LegalName).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Enum.TryParse<PartnerStatus>(Status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _))
                partners = partners.Where(p => p.StatusAt(Now) == s);
            else
                ModelState.AddModelError(nameof(Status), $"'{Status}' is not a partner status; choose one from the list.");
        }
        if (!string.IsNullOrWhiteSpace(Tier))
        {
            if (Tiers.Contains(Tier.Trim(), StringComparer.OrdinalIgnoreCase))
                partners = partners.Where(p => string.Equals(p.Tier, Tier.Trim(), StringComparison.OrdinalIgnoreCase));
            else
                ModelState.AddModelError(nameof(Tier), $"There is no tier '{Tier}'; choose one from the list.");
        }
        if (!string.IsNullOrWhiteSpace(Country))
            partners = partners.Where(p => string.Equals(p.HeadquartersCountry, Country.Trim(), StringComparison.OrdinalIgnoreCase)
                                           || p.Jurisdictions.Contains(Country.Trim(), StringComparer.OrdinalIgnoreCase));
        Partners = ModelState.IsValid ? [.. partners] : [];
        return Page();
    }
}
