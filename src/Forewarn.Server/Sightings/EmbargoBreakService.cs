using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Api;
using Forewarn.Server.Approvals;
using Forewarn.Domain.Cases;
using Forewarn.Server.Auth;
using Forewarn.Server.Cases;
using Forewarn.Server.Publishing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Sightings;

/// <summary>
/// Breaks an advisory's embargo on purpose, in one step, because a sighting shows exploitation
/// before release: the release time becomes now; the partners who already knew of the advisory
/// get a notice wave, a notice and a webhook with the change; and the public CSAF document is
/// published before the answer (not at the scheduler's next pass; when the break is an approved
/// proposal, by the scheduler its commit wakes), which tells every receiving partner that it is released. It brings the release forward, so it is under the same four-eyes
/// rule (<c>approvals:releaseEarlier</c>); approved, it runs here again with the approval on the actor.
/// Logged as the advisory's change and as <c>embargo.broken</c>, which names the sighting.
/// </summary>
public sealed class EmbargoBreakService(ForewarnDb db, SightingService sightings, AdvisoryAudience audience, FourEyesGate gate,
    ReleasePublisher publisher, CaseService cases, TimeProvider clock, ILogger<EmbargoBreakService> log)
{
    public async Task<Gated<Advisory>> BreakAsync(string advisoryId, EmbargoBreak body, Actor actor, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(advisoryId, ct);
        var sighting = await sightings.FindAsync(body.Sighting, ct);
        if (sighting.Advisory != advisory.Id)
            throw new DomainException("sighting-of-another-advisory",
                $"Sighting {sighting.Id} is of another advisory, not of {advisory.Reference}; break the embargo of the advisory it names.");
        var now = clock.GetUtcNow();
        var before = LogEvents.AdvisoryState(advisory);
        var old = advisory.ReleaseAt;
        var told = await audience.WhoKnowsAsync(advisory, now, ct);
        advisory.BreakEmbargo(body.Reason, now, actor.Name);
        var reason = body.Reason!.Trim();
        if (gate.Needs(GatedAction.ReleaseEarlier, actor))
            return await gate.ProposeAsync(GatedAction.ReleaseEarlier, advisory.Id.ToString(),
                $"Break the embargo of {advisory.Reference} (release now instead of {Moments.Show(old)}) on sighting {sighting.Id}: {reason}",
                new EmbargoBreak(sighting.Id.ToString(), reason), null, actor, ct);

        await audience.TellAsync(advisory, told, NoticeKind.EmbargoBroken,
            $"The embargo of {advisory.Reference} is broken: exploitation was seen before its release, so it is released now "
            + $"({Moments.Show(now)}) instead of {Moments.Show(old)}. {reason}", now, ct);
        db.Stage(LogEvents.AdvisoryChanged("embargo-broken", advisory, before, now, actor, reason));
        db.Stage(LogEvents.EmbargoBroken(advisory, old, sighting.Id, sighting.Kind, reason, told.Count, now, actor));
        await db.SaveChangesAsync(ct);
        await PublishAsync(advisory, now, ct);
        await RecordOnCasesAsync(advisory, sighting.Id.ToString(), old, now, reason, actor, ct);
        return Gated<Advisory>.Done(advisory);
    }

    /// <summary>Every open case on the advisory records the break: the sighting it was made on, and a note of what moved.</summary>
    private async Task RecordOnCasesAsync(Advisory advisory, string sighting, DateTimeOffset old, DateTimeOffset now, string reason, Actor actor,
        CancellationToken ct)
    {
        var open = await db.Cases.AsNoTracking().Where(c => c.AdvisoryId == advisory.Id && c.State == CaseState.Open)
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in open)
        {
            await cases.AddEvidenceAsync(id.ToString(), new NewEvidence("note",
                $"Embargo broken at {Moments.Show(now)} on sighting {sighting}: {advisory.Reference} released now instead of {Moments.Show(old)}. {reason}",
                null, null, null, null, null, null), actor, ct);
        }
    }

    // The release is due now: publish it in this request (exactly once, whichever server also tries) so the public document is there when staff are answered.
    // Inside a transaction (an approval carries the break out in its own) the publisher could not see the change yet:
    // the commit wakes the release scheduler, which publishes it then.
    private async Task PublishAsync(Advisory advisory, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return;
        try
        {
            await publisher.PublishDueAsync(now, ct);
        }
        catch (PublisherMissingException e)
        {
            log.LogError("The embargo of {Reference} is broken but its public CSAF document cannot be published: {Reason}", advisory.Reference, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The break is committed; the release stays due, and the scheduler (woken by the commit) publishes it.
            log.LogError(e, "Publishing {Reference} right after its embargo was broken failed; the release scheduler will publish it", advisory.Reference);
        }
    }
}
