using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Domain.Feedback;
using Forewarn.Domain.Partners;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Feedback;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// One advisory as the partner's keys see it (<c>GET /api/v1/me/advisories/{id}</c>: the same
/// entitled view): each artifact with the explanation of its yes or no and when it opens; the
/// partner's own fingerprinted copy through the API's code (<see cref="PartnerView.DecideContentAsync"/>,
/// channel <c>portal</c>, the entry naming the user by id) with the receipts of this user's
/// downloads beside it; acknowledging (<see cref="AcknowledgementService"/>) and detection
/// feedback (<see cref="FeedbackService"/>). Anything the partner may not see is not found.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerRead)]
public sealed class AdvisoryModel(ForewarnDb db, PartnerView view, EntitledViews views, AcknowledgementService acknowledgements,
    FeedbackService feedback, PartnerEntries entries, RequestOrigins origins, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>The channel a portal download's entry names.</summary>
    public const string Channel = "portal";

    /// <summary>How many of the user's own downloads of this advisory's artifacts the page lists receipts for.</summary>
    private const int RecentDownloads = 200;

    public MyAdvisoryDto Advisory { get; private set; } = null!;
    public PortalTime Time { get; private set; } = null!;
    public IReadOnlyList<FeedbackDto> MyFeedback { get; private set; } = [];
    /// <summary>This user's downloads per artifact, newest first: the entry's index and time.</summary>
    public IReadOnlyDictionary<Guid, List<(long Index, DateTimeOffset At)>> Downloads { get; private set; } = new Dictionary<Guid, List<(long, DateTimeOffset)>>();
    public bool MayAcknowledge { get; private set; }
    public bool MayGiveFeedback { get; private set; }
    /// <summary>What the last action did, for the status line.</summary>
    public string? Done { get; private set; }

    [BindProperty]
    public AcknowledgeForm Acknowledge { get; set; } = new();

    [BindProperty]
    public FeedbackForm Feedback { get; set; } = new();

    public sealed class AcknowledgeForm
    {
        [StringLength(1000, ErrorMessage = "The note is at most 1000 characters.")]
        [Display(Name = "Note (optional)")]
        public string? Note { get; set; }
    }

    public sealed class FeedbackForm
    {
        public string? Artifact { get; set; }

        [Required(ErrorMessage = "Choose what you found.")]
        [Display(Name = "What you found")]
        public string? Verdict { get; set; }

        [StringLength(DetectionFeedback.MaxNote, ErrorMessage = "The note is at most 2000 characters.")]
        [Display(Name = "Note (optional)")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The partner's own copy of an artifact, served and logged exactly as the API serves it.</summary>
    public async Task<IActionResult> OnGetContentAsync(string id, string? artifact, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !ArtifactId.TryParse(artifact, out var artifactId)
            || Advisory.Artifacts.All(a => a.Id != artifactId.Value)) return NotFound();
        var partner = (await view.PartnerAsync(User.PartnerId(), ct))!;
        var user = PortalPrincipal.NameOf(PortalPrincipal.UserOf(User));
        // A portal request has no key: the entry's key is empty and its user names the person (by id).
        var result = await view.DecideContentAsync(partner, Guid.Empty, artifactId, Channel, await origins.OfAsync(HttpContext), Time.Now, ct, user);
        if (MeEndpoints.Served(Response, result, partner.Id) is { } served) return new PortalResult(served);
        ModelState.AddModelError(string.Empty, result.CopyProblem is not null
            ? "Your copy of this artifact could not be prepared, so nothing was served. The refusal is recorded and the programme's staff can see why; try again later or contact them."
            : result.Decision?.OpensAt is { } opens ? $"This artifact is not open to you yet: it opens {Time.Show(opens)}." : "This artifact is not open to you.");
        Response.StatusCode = result.CopyProblem is not null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status403Forbidden;
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayAcknowledge) return NotFound();
        OnlyForm("Acknowledge.");
        if (!ModelState.IsValid) return Failed();
        try
        {
            var partner = (await view.PartnerAsync(User.PartnerId(), ct))!;
            await acknowledgements.AcknowledgeAsync(partner, new AdvisoryId(Advisory.Id), id, Acknowledge.Note, PortalPrincipal.ActorOf(User), ct);
        }
        catch (InvalidFieldException e)
        {
            ModelState.AddModelError("Acknowledge.Note", e.Message);
            return Failed();
        }
        catch (DomainException e) when (e.Category != ErrorCategory.NotFound)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Failed();
        }
        return Redirect($"/portal/advisories/{Advisory.Id}?done=acknowledged");
    }

    public async Task<IActionResult> OnPostFeedbackAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!MayGiveFeedback) return NotFound();
        OnlyForm("Feedback.");
        if (Advisory.Artifacts.FirstOrDefault(a => a.Id.ToString() == Feedback.Artifact) is not { } artifact) return NotFound();
        if (!ModelState.IsValid) return Failed();
        try
        {
            var partner = (await view.PartnerAsync(User.PartnerId(), ct))!;
            await feedback.RecordAsync(partner, artifact.Id.ToString(), Feedback.Verdict, Feedback.Note, PortalPrincipal.ActorOf(User), ct);
        }
        catch (InvalidFieldException e)
        {
            ModelState.AddModelError(e.Field == "verdict" ? "Feedback.Verdict" : "Feedback.Note", e.Message);
            return Failed();
        }
        catch (DomainException e) when (e.Category != ErrorCategory.NotFound)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Failed();
        }
        return Redirect($"/portal/advisories/{Advisory.Id}?done=feedback#artifact-{artifact.Id}");
    }

    /// <summary>Both forms bind on every post; only the posted one's fields are judged.</summary>
    private void OnlyForm(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    // A refused form shows the page again with its problems beside the fields; nothing changed.
    private PageResult Failed() => Page();

    /// <summary>Whether the partner may see the advisory now; fills the page when it may.</summary>
    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        if (await view.PartnerAsync(User.PartnerId(), ct) is not { } partner || !partner.StatusAt(Time.Now).Receives()) return false;
        var entitled = await MeEndpoints.AdvisoryIdAsync(db, id, ct) is { } advisory ? (await views.ForAsync(partner.Id, Time.Now, ct)).Find(advisory) : null;
        if (entitled is null) return false;
        Advisory = PartnerInbox.Item(entitled);
        MayAcknowledge = (await authorization.AuthorizeAsync(User, AccessPolicies.PortalPartnerAcknowledge)).Succeeded;
        MayGiveFeedback = (await authorization.AuthorizeAsync(User, AccessPolicies.PortalPartnerSightings)).Succeeded;
        MyFeedback = await feedback.MineAsync(partner.Id, entitled.Advisory.Id, ct);
        Downloads = await DownloadsAsync(partner.Id, ct);
        Done = Request.Query["done"].ToString() switch
        {
            "acknowledged" => "Acknowledged.",
            "feedback" => "Thank you: your feedback is recorded.",
            _ => null,
        };
        return true;
    }

    /// <summary>This user's served copies of the advisory's artifacts, read from the partner's own log entries.</summary>
    private async Task<Dictionary<Guid, List<(long, DateTimeOffset)>>> DownloadsAsync(PartnerId partner, CancellationToken ct)
    {
        var me = PortalPrincipal.NameOf(PortalPrincipal.UserOf(User));
        var artifacts = Advisory.Artifacts.Select(a => (Guid?)a.Id).ToList();
        var rows = await entries.Of(partner).Where(e => e.Kind == LogKinds.ContentServed && artifacts.Contains(e.ArtifactId))
            .OrderByDescending(e => e.Index).Take(RecentDownloads).ToListAsync(ct);
        var mine = new Dictionary<Guid, List<(long, DateTimeOffset)>>();
        foreach (var row in rows)
        {
            var record = AccessRecord.FromEntry(row.Body);
            if (record.User != me) continue;
            if (!mine.TryGetValue(record.ArtifactId.Value, out var list)) mine[record.ArtifactId.Value] = list = [];
            list.Add((row.Index, record.At));
        }
        return mine;
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
