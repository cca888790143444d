using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Sightings;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Sightings;

/// <summary>
/// One sighting of either kind as <c>GET /api/v1/sightings/{id}</c> shows it, with its sample's trace
/// verdict; the sample downloads as <c>GET /api/v1/sightings/{id}/sample</c> serves it (<see cref="SightingService"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class ShowModel(SightingService sightings, ForewarnDb db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public SightingDto Sighting { get; private set; } = null!;
    public Advisory Advisory { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    /// <summary>Whether the advisory is still under embargo, so the embargo can be broken on this sighting.</summary>
    public bool UnderEmbargo => Advisory.WithdrawnAt is null && Advisory.ScheduledAt is not null && clock.GetUtcNow() < Advisory.ReleaseAt;
    /// <summary>What the form that sent the user here did (<c>recorded</c>, <c>broken</c>, <c>proposed</c>).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            Sighting = await sightings.ShowAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        var advisoryId = new AdvisoryId(Sighting.AdvisoryId);
        Advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == advisoryId, ct);
        MayWrite = (await authorization.AuthorizeAsync(User, StaffPolicies.Write)).Succeeded;
        return Page();
    }

    /// <summary>The sample as it was recorded: its bytes, media type and file name.</summary>
    public async Task<IActionResult> OnGetSampleAsync(string id, CancellationToken ct)
    {
        try
        {
            var (bytes, mediaType, fileName) = await sightings.SampleAsync(id, ct);
            return File(bytes, mediaType, fileName ?? $"sample-{id}.txt");
        }
        catch (DomainException e) when (e.Category == ErrorCategory.NotFound)
        {
            return NotFound();
        }
    }

    public string? DoneSentence => Done switch
    {
        "recorded" => "The sighting is recorded" + (Sighting.Sample is null ? "." : ", and its sample traced."),
        "broken" => $"The embargo of {Advisory.Reference} is broken: it is released now, and the partners are told.",
        "proposed" => $"Breaking the embargo of {Advisory.Reference} is awaiting approval by a second staff member; it is released once approved.",
        _ => null,
    };
}
