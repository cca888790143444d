using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// An advisory's artifacts with their class, TLP and fingerprint capacity (the report and warnings
/// of <c>GET /api/v1/advisories/{id}/fingerprints</c>), and the upload form: a file sent as a
/// multipart form goes to <see cref="ArtifactService.AddAsync"/>, the service of
/// <c>POST /api/v1/advisories/{id}/artifacts</c>, so its limits and refusals are the API's.
/// </summary>
public sealed class ArtifactsModel(AdvisoryService advisories, ArtifactService artifacts, ForewarnDb db, RequestFacts facts,
    ArtifactMarking marking, ILogger<CapacityReport> log, TimeProvider clock, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public string Reference { get; private set; } = "";
    public IReadOnlyList<ArtifactCapacity> Capacities { get; private set; } = [];
    /// <summary>The fingerprinted artifacts' marks together (one code across the advisory), or null when none is fingerprinted.</summary>
    public Forewarn.Server.Api.Contracts.AdvisoryCapacityDto? Together { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty]
    public UploadForm Upload { get; set; } = new();

    public static IReadOnlyList<string> Classes { get; } = [.. ContentClasses.All.Select(c => c.Name())];
    public static IReadOnlyList<string> Labels { get; } = [.. Enum.GetValues<TlpLabel>().Select(t => t.Name())];

    public sealed class UploadForm
    {
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [Display(Name = "Content class")]
        public string? Class { get; set; }

        [Display(Name = "TLP label")]
        public string? Tlp { get; set; } = TlpLabel.Amber.Name();

        [Display(Name = "File (at most 10 MiB)")]
        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await MayWriteAsync();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        if (Upload.File is not { Length: > 0 } file)
            ModelState.AddModelError("Upload.File", "Choose the file to upload.");
        else
        {
            try
            {
                var bytes = await FormFiles.ReadUpToAsync(file, Artifact.MaxContentBytes, ct);
                var (artifact, _, _) = await artifacts.AddAsync(id, new NewArtifact(Upload.Title, Upload.Class, Upload.Tlp, null,
                    Convert.ToBase64String(bytes), file.ContentType, file.FileName), Actor, ct);
                Done = $"{artifact.Title} is added ({artifact.Size} bytes, SHA-256 {artifact.Sha256}).";
                ModelState.Clear();
                Upload = new();
            }
            catch (DomainException e) when (!Missing(e))
            {
                Refused(e, FieldOf);
            }
            catch (DomainException)
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private static string? FieldOf(DomainException e) => e switch
    {
        InvalidFieldException { Field: "artifact title" } => "Upload.Title",
        InvalidFieldException { Field: "file name" or "media type" } => "Upload.File",
        _ => e.Code switch
        {
            "unknown-content-class" => "Upload.Class",
            "unknown-tlp-label" => "Upload.Tlp",
            "advisory-withdrawn" => null,
            _ => "Upload.File", // too large, empty, a type that cannot be marked, a PoC that does not parse
        },
    };

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Advisory advisory;
        try
        {
            advisory = await advisories.FindAsync(id, ct);
        }
        catch (DomainException e) when (Missing(e))
        {
            return false;
        }
        Reference = advisory.Reference;
        var report = new CapacityReport(db, facts, marking, log);
        Capacities = await report.OfAdvisoryAsync(advisory, clock.GetUtcNow(), ct);
        Warnings = CapacityReport.Warnings(Capacities);
        Together = await report.TogetherAsync(Capacities, ct);
        return true;
    }
}
