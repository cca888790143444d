using Forewarn.Domain.Common;
using Forewarn.Domain.Feedback;
using Forewarn.Domain.Partners;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Feedback;

/// <summary>
/// Detection feedback (docs/feedback.md): a partner says how an artifact it can read worked on its
/// estate; staff read it per artifact and per partner. An artifact the partner may not know of is
/// not found, as everywhere else; one listed but not yet open to it cannot be judged yet. The API
/// (<c>POST /api/v1/me/artifacts/{id}/feedback</c>) and the portal's advisory page both call
/// <see cref="RecordAsync"/>; staff pages call <see cref="OfArtifactAsync"/> and <see cref="OfPartnerAsync"/>.
/// </summary>
public sealed class FeedbackService(ForewarnDb db, EntitledViews views, TimeProvider clock)
{
    /// <summary>The most a list answers, newest first.</summary>
    public const int MaxList = 500;

    public async Task<FeedbackDto> RecordAsync(Partner partner, string artifact, string? verdict, string? note, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var view = await views.ForAsync(partner.Id, now, ct);
        var found = ArtifactId.TryParse(artifact, out var id)
            ? view.Advisories.SelectMany(a => a.Artifacts.Select(x => (Advisory: a, Item: x))).FirstOrDefault(p => p.Item.Artifact.Id == id)
            : default;
        if (found.Item is null) throw new NotFoundException("artifact", artifact);
        if (!found.Item.Decision.Allowed)
            throw new DomainException("not-yet-open",
                $"This artifact is not open to you yet, so there is nothing to give feedback on: it opens {(found.Item.Decision.OpensAt is { } at ? Moments.Show(at) : "later")}.",
                ErrorCategory.Forbidden);
        var feedback = DetectionFeedback.Of(partner.Id, found.Advisory.Advisory.Id, id, FeedbackVerdicts.Parse(verdict), note, actor.Name, actor.KeyId, now);
        db.DetectionFeedback.Add(feedback);
        db.Stage(LogEvents.FeedbackRecorded(feedback, found.Advisory.Advisory.Reference, actor));
        await db.SaveChangesAsync(ct);
        return FeedbackDto.From(feedback, partner.LegalName, found.Advisory.Advisory.Reference, found.Item.Artifact.Title);
    }

    /// <summary>Every partner's feedback on one artifact (staff), newest first; an unknown artifact is not found.</summary>
    public async Task<IReadOnlyList<FeedbackDto>> OfArtifactAsync(string artifact, CancellationToken ct)
    {
        var a = await db.ArtifactAsync(artifact, ct);
        return await ListAsync(db.DetectionFeedback.Where(f => f.ArtifactId == a.Id), ct);
    }

    /// <summary>One partner's feedback on every artifact (staff), newest first; an unknown partner is not found.</summary>
    public async Task<IReadOnlyList<FeedbackDto>> OfPartnerAsync(string partner, CancellationToken ct)
    {
        var p = await db.PartnerAsync(partner, ct);
        return await ListAsync(db.DetectionFeedback.Where(f => f.PartnerId == p.Id), ct);
    }

    /// <summary>What a partner itself sent about the artifacts of one advisory (its portal page shows it beside each artifact).</summary>
    public Task<IReadOnlyList<FeedbackDto>> MineAsync(PartnerId partner, AdvisoryId advisory, CancellationToken ct) =>
        ListAsync(db.DetectionFeedback.Where(f => f.PartnerId == partner && f.AdvisoryId == advisory), ct);

    private async Task<IReadOnlyList<FeedbackDto>> ListAsync(IQueryable<DetectionFeedback> q, CancellationToken ct)
    {
        // Newest first; ordered in memory, since SQLite cannot order by a DateTimeOffset column.
        var rows = (await q.AsNoTracking().ToListAsync(ct)).OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(MaxList).ToList();
        var partnerIds = rows.Select(r => r.PartnerId).Distinct().ToList();
        var advisoryIds = rows.Select(r => r.AdvisoryId).Distinct().ToList();
        var artifactIds = rows.Select(r => r.ArtifactId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        var advisories = await db.Advisories.AsNoTracking().Where(a => advisoryIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => artifactIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return [.. rows.Select(f => FeedbackDto.From(f, partners.GetValueOrDefault(f.PartnerId, ""), advisories.GetValueOrDefault(f.AdvisoryId, ""),
            artifacts.GetValueOrDefault(f.ArtifactId, "")))];
    }
}
