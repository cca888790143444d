using System.Globalization;
using Forewarn.Domain.Common;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Api;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Sightings;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Sightings;

/// <summary>
/// Recording a sighting staff learned of elsewhere, with an optional sample (pasted or uploaded):
/// <see cref="SightingService.RecordAsync"/>, as <c>POST /api/v1/sightings</c> — the same checks, the sample
/// traced against the advisory's fingerprinted artifacts before it is stored, the same <c>sighting.recorded</c> entry.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class NewModel(SightingService sightings, ForewarnDb db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["advisory"] = "Input.Advisory",
        ["not-found"] = "Input.Advisory",
        ["unknown-cve"] = "Input.Advisory",
        ["ambiguous-cve"] = "Input.Advisory",
        ["invalid-cve-id"] = "Input.Advisory",
        ["first observed time"] = "Input.FirstObservedAt",
        ["source"] = "Input.Source",
        ["source URL"] = "Input.Url",
        ["invalid-confidence"] = "Input.Confidence",
        ["description"] = "Input.Description",
        ["indicator"] = "Input.Indicators",
        ["indicators"] = "Input.Indicators",
        ["empty-sample"] = "Input.SampleText",
        ["sample-too-large"] = "Input.SampleText",
        ["sample-not-text"] = "Input.SampleText",
        ["file name"] = "Input.SampleFile",
        ["media type"] = "Input.SampleFile",
    };

    public sealed class Form
    {
        public string? Advisory { get; set; }
        /// <summary>UTC, ISO 8601 or yyyy-mm-dd hh:mm.</summary>
        public string? FirstObservedAt { get; set; }
        public string? Source { get; set; }
        public string? Url { get; set; }
        public string? Confidence { get; set; }
        public string? Description { get; set; }
        /// <summary>One a line.</summary>
        public string? Indicators { get; set; }
        public string? SampleText { get; set; }
        public IFormFile? SampleFile { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public IReadOnlyList<string> Advisories { get; private set; } = [];
    public static IReadOnlyList<string> Confidences { get; } = [.. SightingConfidences.All.Select(c => c.Name())];

    public async Task OnGetAsync(string? advisory, CancellationToken ct)
    {
        Input.Advisory = advisory;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var body = await BodyAsync(ct);
        if (body is not null)
        {
            try
            {
                var sighting = await sightings.RecordAsync(body, PortalPrincipal.ActorOf(User), ct);
                return Redirect($"/portal/staff/sightings/{sighting.Id}?done=recorded");
            }
            catch (DomainException e)
            {
                FormErrors.Show(ModelState, e, SampleFromFile(e));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The API's request from the form; null (with the problem beside its field) when the time or the sample cannot be read.</summary>
    private async Task<NewSighting?> BodyAsync(CancellationToken ct)
    {
        DateTimeOffset? observed = null;
        if (string.IsNullOrWhiteSpace(Input.FirstObservedAt))
            ModelState.AddModelError("Input.FirstObservedAt", "Give when the exploitation was first observed (UTC).");
        else if (DateTimeOffset.TryParse(Input.FirstObservedAt.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            observed = at;
        else
            ModelState.AddModelError("Input.FirstObservedAt", $"'{Input.FirstObservedAt}' is not a time; write it in UTC, e.g. 2025-07-07 09:30.");
        var hasText = !string.IsNullOrEmpty(Input.SampleText);
        var hasFile = Input.SampleFile is { Length: > 0 };
        if (hasText && hasFile) ModelState.AddModelError("Input.SampleFile", "Give the sample as text or as a file, not both.");
        if (!ModelState.IsValid) return null;
        NewSample? sample = null;
        if (hasFile)
        {
            var file = Input.SampleFile!;
            sample = new NewSample(null, Convert.ToBase64String(await FormFiles.ReadUpToAsync(file, StaffSighting.MaxSampleBytes, ct)), file.FileName, file.ContentType);
        }
        else if (hasText) sample = new NewSample(Input.SampleText, null, null, null);
        var indicators = (Input.Indicators ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new NewSighting(Input.Advisory, observed, Input.Source, string.IsNullOrWhiteSpace(Input.Url) ? null : Input.Url, Input.Confidence,
            Input.Description, sample, indicators);
    }

    /// <summary>A refused sample goes beside the field it came from: the file when one was chosen.</summary>
    private Dictionary<string, string> SampleFromFile(DomainException e)
    {
        if (Input.SampleFile is not { Length: > 0 } || !e.Code.Contains("sample", StringComparison.Ordinal)) return Fields;
        return new Dictionary<string, string>(Fields) { [e.Code] = "Input.SampleFile" };
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Advisories = await db.Advisories.AsNoTracking().OrderByDescending(a => a.ReleaseAt).Select(a => a.Reference).ToListAsync(ct);
}
