using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
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
/// Adding evidence to a case, one form per kind: a sighting of the case's advisory, a file (a text file
/// is traced against the advisory's marked artifacts, as the API does), a trace run now, an exposure
/// snapshot before a moment. Each form calls <see cref="CaseService.AddEvidenceAsync"/> as
/// <c>POST /api/v1/cases/{id}/evidence</c> does, under its two policies. Evidence is only ever added.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class EvidenceModel(CaseService cases, SightingService sightings, ForewarnDb db) : PageModel
{
    [BindProperty] public string? SightingId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Leaked { get; set; }
    [BindProperty] public string? Artifact { get; set; }
    [BindProperty] public string? Before { get; set; }

    public Case Case { get; private set; } = null!;
    public string Advisory { get; private set; } = "";
    public IReadOnlyList<SightingDto> Sightings { get; private set; } = [];
    public IReadOnlyList<(string Id, string Title)> Artifacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSightingAsync(string id, CancellationToken ct) =>
        AddAsync(id, nameof(SightingId), () => string.IsNullOrWhiteSpace(SightingId) ? "Choose the sighting." : null,
            () => Task.FromResult(new NewEvidence("sighting", null, SightingId, null, null, null, null, null)), ct);

    public Task<IActionResult> OnPostFileAsync(string id, CancellationToken ct) =>
        AddAsync(id, nameof(Upload), () => Upload is { Length: > 0 } ? null : "Choose the file to keep.", async () =>
        {
            var file = Upload!;
            return new NewEvidence("file", null, null, file.FileName, file.ContentType, Convert.ToBase64String(await FormFiles.ReadUpToAsync(file, CaseEvidence.MaxFileBytes, ct)), null, null);
        }, ct);

    public Task<IActionResult> OnPostTraceAsync(string id, CancellationToken ct) =>
        AddAsync(id, nameof(Leaked), () => string.IsNullOrWhiteSpace(Leaked) ? "Paste the leaked text to trace." : null,
            () => Task.FromResult(new NewEvidence("trace", null, null, null, null, null, Leaked, string.IsNullOrWhiteSpace(Artifact) ? null : Artifact)), ct);

    public Task<IActionResult> OnPostExposureAsync(string id, CancellationToken ct) =>
        AddAsync(id, nameof(Before), () => string.IsNullOrWhiteSpace(Before) ? "Give the moment the snapshot looks back from, e.g. the first sighting." : null,
            () => Task.FromResult(new NewEvidence("exposure", null, null, null, null, null, null, null, Before)), ct);

    /// <summary>Checks the form's one required field, then adds the evidence; a refusal is shown beside the field it concerns.</summary>
    private async Task<IActionResult> AddAsync(string id, string field, Func<string?> missing, Func<Task<NewEvidence>> evidence, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (missing() is { } problem)
        {
            ModelState.AddModelError(field, problem);
            return Page();
        }
        try
        {
            var added = await cases.AddEvidenceAsync(Case.Reference, await evidence(), PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/cases/{Case.Reference}?done={CaseEvidence.Name(added.Kind)}#evidence");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(FieldOf(e, field), e.Message);
            return Page();
        }
    }

    /// <summary>A refusal about the artifact goes beside the artifact; one about the case as a whole (closed) in the summary; the rest beside the form's field.</summary>
    private static string FieldOf(DomainException e, string field) => e.Code switch
    {
        "case-closed" or "no-checkpoint" => "",
        _ when field == nameof(Leaked) && (e.Code.Contains("artifact", StringComparison.Ordinal) || e.Code == "not-found") => nameof(Artifact),
        _ => field,
    };

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
        Advisory = await db.Advisories.AsNoTracking().Where(a => a.Id == Case.AdvisoryId).Select(a => a.Reference).FirstAsync(ct);
        Sightings = await sightings.ListAsync(Advisory, null, 1000, ct);
        Artifacts = [.. (await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == Case.AdvisoryId).OrderBy(a => a.Title)
            .Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id.ToString(), a.Title))];
        return true;
    }
}
