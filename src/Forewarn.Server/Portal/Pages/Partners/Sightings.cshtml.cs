using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Sightings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// The partner's sightings (every channel: TAXII, the API, this page) and the form to report one,
/// through <see cref="MySightingService"/> — what <c>/api/v1/me/sightings</c> calls. The advisory is
/// chosen among those the partner's inbox lists; the sample's trace is for staff and is never shown here.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerSightings)]
public sealed class SightingsModel(PartnerView view, EntitledViews views, MySightingService sightings, TimeProvider clock) : PageModel
{
    public PortalTime Time { get; private set; } = null!;
    public IReadOnlyList<MySightingDto> Mine { get; private set; } = [];
    /// <summary>The advisories the partner may report on: its inbox's, by id with their reference and title.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Advisories { get; private set; } = [];
    public bool Receiving { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public ReportForm Report { get; set; } = new();

    public sealed class ReportForm
    {
        [Required(ErrorMessage = "Choose the advisory whose flaw you saw exploited.")]
        [Display(Name = "Advisory")]
        public string? Advisory { get; set; }

        [Required(ErrorMessage = "Give when you first saw it (UTC).")]
        [Display(Name = "First seen (UTC)")]
        public string? FirstSeenAt { get; set; }

        [StringLength(Sighting.MaxSeenWhere, ErrorMessage = "Where is at most 300 characters.")]
        [Display(Name = "Where (optional: a network, a host, a customer)")]
        public string? SeenWhere { get; set; }

        [Required(ErrorMessage = "Say what you saw.")]
        [StringLength(StaffSighting.MaxDescription, ErrorMessage = "The description is at most 8000 characters.")]
        [Display(Name = "What you saw")]
        public string? Description { get; set; }

        [Display(Name = "Sample (optional: text or code found, at most 256 KiB)")]
        public IFormFile? Sample { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? advisory, CancellationToken ct)
    {
        await LoadAsync(ct);
        // The advisory page links here with its advisory chosen.
        if (advisory is not null && Advisories.Any(a => a.Id.ToString() == advisory)) Report.Advisory = advisory;
        Done = Request.Query["done"] == "reported" ? "Thank you: your sighting is recorded, and the programme's staff see it now." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        DateTimeOffset? seen = null;
        if (!string.IsNullOrWhiteSpace(Report.FirstSeenAt))
        {
            if (DateTimeOffset.TryParse(Report.FirstSeenAt.Trim(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) seen = at;
            else ModelState.AddModelError("Report.FirstSeenAt", "Give the time as 2026-12-01 14:00 (UTC).");
        }
        if (!ModelState.IsValid) return Page();
        var partner = await view.PartnerAsync(User.PartnerId(), ct);
        if (partner is null) return NotFound();
        try
        {
            var file = Report.Sample is { } f && (f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
                ? new SampleUpload(await FormFiles.ReadUpToAsync(f, StaffSighting.MaxSampleBytes, ct), f.FileName, f.ContentType)
                : null;
            await sightings.ReportAsync(partner, new NewPartnerSighting(Report.Advisory, seen, Report.SeenWhere, Report.Description, null), file,
                MySightingService.Portal, PortalPrincipal.ActorOf(User), ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(FieldOf(e), e.Category == ErrorCategory.NotFound ? "Choose one of the advisories in your inbox." : e.Message);
            return Page();
        }
        return Redirect("/portal/sightings?done=reported");
    }

    private static string FieldOf(DomainException e) => e switch
    {
        InvalidFieldException { Field: "first seen time" } => "Report.FirstSeenAt",
        InvalidFieldException { Field: "where seen" } => "Report.SeenWhere",
        InvalidFieldException { Field: "description" } => "Report.Description",
        InvalidFieldException { Field: "advisory" } => "Report.Advisory",
        _ when e.Category == ErrorCategory.NotFound => "Report.Advisory",
        _ => "Report.Sample", // empty, too large, not text, a file name or media type refused
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        var partnerId = User.PartnerId();
        Mine = await sightings.MineAsync(partnerId, ct);
        Receiving = await view.PartnerAsync(partnerId, ct) is { } partner && partner.StatusAt(Time.Now).Receives();
        if (!Receiving) return;
        Advisories = [.. (await views.ForAsync(partnerId, Time.Now, ct)).Advisories
            .Select(a => (a.Advisory.Id.Value, $"{a.Advisory.Reference}: {a.Advisory.Title}"))];
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
