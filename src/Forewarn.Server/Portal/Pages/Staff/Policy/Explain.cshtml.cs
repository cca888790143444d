using System.Globalization;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Policy;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Policy;

/// <summary>
/// Explain a decision: partner × artifact × time (× facts version) → <see cref="PolicyService.ExplainAsync"/>,
/// the very answer <c>GET /api/v1/explain</c> gives, shown as the verdict and its reasons. A GET form, so an
/// explanation is a link.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class ExplainModel(PolicyService policy, ForewarnDb db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["facts version"] = nameof(FactsVersion) };

    [BindProperty(SupportsGet = true)] public string? Partner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Artifact { get; set; }
    /// <summary>The moment (UTC); empty: now.</summary>
    [BindProperty(SupportsGet = true)] public string? At { get; set; }
    [BindProperty(SupportsGet = true)] public string? FactsVersion { get; set; }

    public sealed record Choice(string Id, string Label);

    public IReadOnlyList<Choice> Partners { get; private set; } = [];
    public IReadOnlyList<Choice> Artifacts { get; private set; } = [];
    public EntitlementDto? Answer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partners = [.. (await db.Partners.AsNoTracking().OrderBy(p => p.LegalName).Select(p => new { p.Id, p.LegalName }).ToListAsync(ct))
            .Select(p => new Choice(p.Id.ToString(), p.LegalName))];
        var references = await db.Advisories.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        Artifacts = [.. (await db.Artifacts.AsNoTracking().Select(a => new { a.Id, a.AdvisoryId, a.Title }).ToListAsync(ct))
            .Select(a => new Choice(a.Id.ToString(), $"{references.GetValueOrDefault(a.AdvisoryId, "")}: {a.Title}"))
            .OrderBy(c => c.Label, StringComparer.Ordinal)];
        if (string.IsNullOrWhiteSpace(Partner) && string.IsNullOrWhiteSpace(Artifact)) return Page(); // the empty form
        if (string.IsNullOrWhiteSpace(Partner)) ModelState.AddModelError(nameof(Partner), "Choose a partner.");
        if (string.IsNullOrWhiteSpace(Artifact)) ModelState.AddModelError(nameof(Artifact), "Choose an artifact.");
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(At))
        {
            if (DateTimeOffset.TryParse(At.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                at = parsed;
            else
                ModelState.AddModelError(nameof(At), $"'{At}' is not a moment; write it as yyyy-mm-dd hh:mm (UTC), or leave it empty for now.");
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            Answer = EntitlementDto.From(await policy.ExplainAsync(Partner, Artifact, at, FactsVersion, ct));
        }
        catch (DomainException e)
        {
            Staff.FormErrors.Show(ModelState, e, Fields);
        }
        return Page();
    }

    public string VerdictSentence => Answer switch
    {
        null => "",
        { Allowed: true } => "Allowed",
        { OpensAt: { } opens } => $"Not yet: opens {Shown.At(opens)}",
        _ => "Denied",
    };
}
