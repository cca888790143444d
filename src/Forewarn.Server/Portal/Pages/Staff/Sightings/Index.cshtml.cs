using Forewarn.Domain.Common;
using Forewarn.Server.Sightings;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Sightings;

/// <summary>
/// Sightings of both kinds — staff's own and the partners' over TAXII — newest first, filtered by
/// advisory and kind: <see cref="SightingService.ListAsync"/>, the list <c>GET /api/v1/sightings</c> answers.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class IndexModel(SightingService sightings, ForewarnDb db, IAuthorizationService authorization) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["advisory"] = nameof(Advisory),
        ["not-found"] = nameof(Advisory),
        ["unknown-cve"] = nameof(Advisory),
        ["ambiguous-cve"] = nameof(Advisory),
        ["invalid-kind"] = nameof(Kind),
    };

    /// <summary>The advisory: reference, id or a CVE id it names.</summary>
    [BindProperty(SupportsGet = true)] public string? Advisory { get; set; }
    /// <summary><c>staff</c>, <c>partner</c>, or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public IReadOnlyList<string> Advisories { get; private set; } = [];
    public IReadOnlyList<SightingDto> Sightings { get; private set; } = [];
    public bool MayWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MayWrite = (await authorization.AuthorizeAsync(User, StaffPolicies.Write)).Succeeded;
        Advisories = await db.Advisories.AsNoTracking().OrderByDescending(a => a.ReleaseAt).Select(a => a.Reference).ToListAsync(ct);
        try
        {
            Sightings = await sightings.ListAsync(Advisory, Kind, 1000, ct);
        }
        catch (DomainException e)
        {
            FormErrors.Show(ModelState, e, Fields);
        }
    }
}
