using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cases;
using Forewarn.Server.Review;
using Forewarn.Server.Sightings;
using Forewarn.Server.Signals;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff;

/// <summary>
/// The staff dashboard: what needs attention now, each section from the service its API endpoint
/// uses (overdue acknowledgements, reviews due, sightings, signals) and linking on to its page.
/// Investigation sections appear only to a role with <c>staff:investigate</c>, as their endpoints need it.
/// </summary>
[Authorize(Policy = StaffPolicies.Read)]
public sealed class IndexModel(ForewarnDb db, AcknowledgementDeadlines deadlines, ReviewService reviews, SightingService sightings,
    SignalService signals, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int Listed = 5;
    /// <summary>How far ahead the reviews section looks (the API's default for <c>/reviews/due</c>).</summary>
    public static readonly TimeSpan ReviewsWithin = TimeSpan.FromDays(30);

    public sealed record Release(string Reference, string Title, string State, DateTimeOffset At);
    public sealed record WaveDue(string Reference, int Number, string Kind, DateTimeOffset At, int Items);
    public sealed record OpenCase(string Reference, string Title, string Advisory, DateTimeOffset OpenedAt);
    public sealed record Checkpoint(long Size, DateTimeOffset SignedAt, string Root);

    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<Release> Releases { get; private set; } = [];
    public IReadOnlyList<WaveDue> Waves { get; private set; } = [];
    public IReadOnlyList<OverdueAcknowledgement> Overdue { get; private set; } = [];
    public IReadOnlyList<SightingDto> Sightings { get; private set; } = [];
    public IReadOnlyList<ReviewStanding> Reviews { get; private set; } = [];
    public Checkpoint? Log { get; private set; }
    /// <summary>Null when the role may not investigate (then neither cases nor signals are shown).</summary>
    public IReadOnlyList<OpenCase>? Cases { get; private set; }
    public int? Signals { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var advisories = await db.Advisories.AsNoTracking().ToListAsync(ct);
        var waves = (await db.Waves.AsNoTracking().ToListAsync(ct)).ToLookup(w => w.AdvisoryId);
        var references = advisories.ToDictionary(a => a.Id, a => a.Reference);
        Releases = [.. advisories.Where(a => a.ReleaseAt > Now && a.WithdrawnAt is null).OrderBy(a => a.ReleaseAt).Take(Listed)
            .Select(a => new Release(a.Reference, a.Title, a.StateAt(Now, waves[a.Id]).Name(), a.ReleaseAt))];
        Waves = [.. waves.SelectMany(g => g).Where(w => w.At > Now && references.ContainsKey(w.AdvisoryId)).OrderBy(w => w.At).Take(Listed)
            .Select(w => new WaveDue(references[w.AdvisoryId], w.Number, w.Kind.ToString().ToLowerInvariant(), w.At, w.ArtifactIds.Count))];
        Overdue = await deadlines.OverdueAsync(ct);
        Sightings = await sightings.ListAsync(null, null, Listed, ct);
        Reviews = await reviews.DueAsync(ReviewsWithin, ct);
        if (await LogStore.LatestAsync(db, ct) is { } latest)
            Log = new Checkpoint(latest.Size, latest.SignedAt, Convert.ToHexStringLower(latest.Root));
        if ((await authorization.AuthorizeAsync(User, StaffPolicies.Investigate)).Succeeded)
        {
            var open = await db.Cases.AsNoTracking().Where(c => c.State == CaseState.Open).ToListAsync(ct);
            Cases = [.. open.OrderByDescending(c => c.OpenedAt)
                .Select(c => new OpenCase(c.Reference, c.Title, references.GetValueOrDefault(c.AdvisoryId, ""), c.OpenedAt))];
            Signals = (await signals.FindAsync(null, null, null, ct)).Signals.Count;
        }
        return Page();
    }
}
