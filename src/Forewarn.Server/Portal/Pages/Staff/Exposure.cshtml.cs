using Forewarn.Domain.Common;
using Forewarn.Server.Exposure;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff;

/// <summary>
/// Exposure of an advisory before a moment: <see cref="ExposureService.AnalyseAsync"/>, the report
/// <c>GET /api/v1/advisories/{id}/exposure?before=T</c> answers, as a table per group.
/// </summary>
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class ExposureModel(ExposureService exposure, ForewarnDb db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["not-found"] = nameof(Advisory), ["missing-parameter"] = nameof(Before), ["invalid-time"] = nameof(Before) };

    [BindProperty(SupportsGet = true)] public string? Advisory { get; set; }
    /// <summary>The moment T looked back from (UTC, ISO 8601 or yyyy-mm-dd hh:mm).</summary>
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public IReadOnlyList<string> Advisories { get; private set; } = [];
    public ExposureReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Advisories = await db.Advisories.AsNoTracking().OrderByDescending(a => a.ReleaseAt).Select(a => a.Reference).ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(Advisory))
        {
            if (!string.IsNullOrWhiteSpace(Before)) ModelState.AddModelError(nameof(Advisory), "Choose the advisory.");
            return Page(); // the empty form

        }
        try
        {
            Report = await exposure.AnalyseAsync(Advisory, Before, ct);
        }
        catch (DomainException e)
        {
            FormErrors.Show(ModelState, e, Fields);
        }
        return Page();
    }

    public static string Lead(double? hours) => hours is { } h ? $"{h:0.#} h before" : "";
}
