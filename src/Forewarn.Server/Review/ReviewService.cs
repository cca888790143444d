using Forewarn.Domain.Partners;
using Forewarn.Domain.Tiers;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Review;

/// <summary>A partner's review standing: when it was last reviewed and when it is next due.</summary>
public sealed record ReviewStanding(Partner Partner, DateTimeOffset DueAt, bool Overdue);

/// <summary>
/// Participant review: each partner is due for review a tier's interval after its last review
/// (or after it became a member), staff see who is due and record reviews.
/// </summary>
public sealed class ReviewService(ForewarnDb db, TimeProvider clock)
{
    /// <summary>Partners still in the programme due for review within <paramref name="within"/>, the most overdue first.</summary>
    public async Task<IReadOnlyList<ReviewStanding>> DueAsync(TimeSpan within, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tiers = await db.Tiers.AsNoTracking().ToDictionaryAsync(t => t.Name, StringComparer.OrdinalIgnoreCase, ct);
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        return [.. partners
            .Where(p => p.StatusAt(now) is not (PartnerStatus.Removed or PartnerStatus.Applicant))
            .Select(p => Standing(p, tiers, now))
            .Where(s => s.DueAt <= now + within)
            .OrderBy(s => s.DueAt).ThenBy(s => s.Partner.LegalName, StringComparer.Ordinal)];
    }

    /// <summary>Records that staff reviewed the partner now, with a note; the log keeps the note.</summary>
    public async Task<ReviewStanding> RecordAsync(string id, string? note, Actor actor, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var text = Domain.Common.TextRules.Required(note, "review note", 2000, Domain.Common.TextShape.Prose);
        partner.Review(now);
        var tiers = await db.Tiers.AsNoTracking().ToDictionaryAsync(t => t.Name, StringComparer.OrdinalIgnoreCase, ct);
        var standing = Standing(partner, tiers, now);
        db.Stage(LogEvents.PartnerReviewed(partner, text, standing.DueAt, now, actor));
        await db.SaveChangesAsync(ct);
        return standing;
    }

    private static ReviewStanding Standing(Partner p, IReadOnlyDictionary<string, Tier> tiers, DateTimeOffset now)
    {
        var due = p.ReviewDue(tiers.GetValueOrDefault(p.Tier)?.ReviewEvery ?? Tier.DefaultReviewEvery);
        return new ReviewStanding(p, due, due <= now);
    }
}
