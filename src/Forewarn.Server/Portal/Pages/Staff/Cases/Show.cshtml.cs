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
    /// <summary>What the form that sent the user here did (<c>opened</c>, <c>note</c>, an evidence kind, <c>decided</c>, <c>proposed</c>, <c>closed</c>, <c>appeal-…</c>).</summary>
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

    /// <summary>The verdict a kept trace (a trace run or a traced file) reached, as its JSON holds it.</summary>
    public static string? Verdict(System.Text.Json.Nodes.JsonNode trace) =>
        trace is System.Text.Json.Nodes.JsonObject o && o["verdict"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    public string? DoneSentence => Done switch
    {
        "opened" => "The case is opened.",
        "note" => "The note was added to the evidence.",
        "sighting" => "The sighting was added to the evidence.",
        "file" => "The file was added to the evidence (a text file is traced; its verdict is beside it).",
        "trace" => "The trace ran and its result was added to the evidence.",
        "exposure" => "The exposure snapshot was frozen and added to the evidence.",
        "closed" => "The case is closed.",
        "appeal-upheld" => "The appeal was decided: the decision is upheld, and the partner told.",
        "appeal-overturned" => "The appeal was decided: the decision is overturned and its sanction lifted, and the partner told.",
        "appeal-proposed" => "The appeal was overturned; lifting the sanction is awaiting approval by a second staff member.",
        "appeal-not-lifted" => "The appeal was overturned, but its sanction could not be lifted (a removal is final, or it was lifted already).",
        "decided" => "The decision was taken and the partner told.",
        "proposed" => "The decision is awaiting approval by a second staff member; it takes effect once approved.",
        _ => null,
    };
}
