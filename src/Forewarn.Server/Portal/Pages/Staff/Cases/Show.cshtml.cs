using System.Xml.Linq;
using Forewarn.Domain.Common;
using Forewarn.Server.Cases;
using Forewarn.Server.Suspicion;
using Forewarn.Server.Timeline;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// A case as <c>GET /api/v1/cases/{id}</c> shows it (evidence in the order added, decisions in the
/// order taken), its timeline drawn inline as SVG (<see cref="TimelineService"/>, the picture of
/// <c>/cases/{id}/timeline.svg</c>), and its suspects' standing (<see cref="SuspicionService"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class ShowModel(CaseService cases, TimelineService timelines, SuspicionService suspicion, ForewarnDb db,
    IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public HtmlString Timeline { get; private set; } = HtmlString.Empty;
    public CaseSuspicion Suspicion { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    /// <summary>What the form that sent the user here did (<c>note</c>, <c>decided</c>, <c>proposed</c>).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            var c = await cases.FindAsync(id, ct);
            Case = await CaseViews.OfAsync(db, c, clock.GetUtcNow(), ct);
            // The SVG is built as XML by the drawing (names escaped there); inline, it is part of the page, not an image the CSP governs.
            Timeline = new HtmlString(TimelineImages.SvgElement(await timelines.OfCaseAsync(c.Reference, ct)).ToString(SaveOptions.DisableFormatting));
            Suspicion = await suspicion.ForCaseAsync(c.Reference, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        MayWrite = (await authorization.AuthorizeAsync(User, StaffPolicies.Write)).Succeeded;
        return Page();
    }

    public string? DoneSentence => Done switch
    {
        "note" => "The note was added to the evidence.",
        "decided" => "The decision was taken and the partner told.",
        "proposed" => "The decision is awaiting approval by a second staff member; it takes effect once approved.",
        _ => null,
    };
}
