using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Tiers;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.ReferenceData;

/// <summary>
/// The operations on the data the policy reads besides partners: tiers (lead times per content
/// class) and jurisdictions (their facts). Each commits with its log entry, before and after.
/// </summary>
public sealed class ReferenceDataService(ForewarnDb db, TimeProvider clock)
{
    public async Task<Tier> CreateTierAsync(TierRequest body, Actor actor, CancellationToken ct)
    {
        var tier = Tier.Create(body.Name, body.Description, LeadTimes(body.LeadTimeDays));
        if (body.ReviewEveryDays is { } days) tier.SetReviewEvery(ReviewEvery(days));
        if (body.AcknowledgeWithinDays is { } ack) tier.SetAcknowledgeWithin(AcknowledgeWithin(ack));
        if (await db.Tiers.AnyAsync(t => t.Name == tier.Name, ct))
            throw new ConflictException("duplicate", $"A tier named '{tier.Name}' already exists.");
        db.Tiers.Add(tier);
        db.Stage(LogEvents.TierChanged("created", tier, null, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return tier;
    }

    public async Task<Tier> UpdateTierAsync(string name, TierRequest body, Actor actor, CancellationToken ct)
    {
        var tier = await db.Tiers.FirstOrDefaultAsync(t => t.Name == name, ct) ?? throw new NotFoundException("tier", name);
        var before = LogEvents.TierState(tier);
        var leadTimes = body.LeadTimeDays is null ? null : LeadTimes(body.LeadTimeDays);
        tier.Describe(body.Description ?? tier.Description);
        if (leadTimes is not null) tier.SetLeadTimes(leadTimes);
        if (body.ReviewEveryDays is { } days) tier.SetReviewEvery(ReviewEvery(days));
        if (body.AcknowledgeWithinDays is { } ack) tier.SetAcknowledgeWithin(AcknowledgeWithin(ack));
        db.Stage(LogEvents.TierChanged("updated", tier, before, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return tier;
    }

    private static TimeSpan AcknowledgeWithin(double days) =>
        double.IsFinite(days) && days is >= 1.0 / 24 and <= 30
            ? TimeSpan.FromDays(days)
            : throw new DomainException("invalid-acknowledgement-deadline", "A tier's acknowledgement deadline must be between one hour (0.042 days) and 30 days.");

    private static TimeSpan ReviewEvery(double days) =>
        double.IsFinite(days) && days is >= 7 and <= 5 * 365
            ? TimeSpan.FromDays(days)
            : throw new DomainException("invalid-review-interval", "A tier's review interval must be between 7 days and 5 years (1825 days).");

    private static Dictionary<ContentClass, TimeSpan> LeadTimes(IReadOnlyDictionary<string, double>? days)
    {
        var result = new Dictionary<ContentClass, TimeSpan>();
        foreach (var (cls, d) in days ?? new Dictionary<string, double>())
        {
            if (double.IsNaN(d) || double.IsInfinity(d) || d < 0 || d > Tier.MaxLeadTime.TotalDays)
                throw new DomainException("invalid-lead-time", $"The lead time for {cls} must be between 0 and {Tier.MaxLeadTime.TotalDays:0} days.");
            result[ContentClasses.Parse(cls)] = TimeSpan.FromMinutes(Math.Round(d * 24 * 60));
        }
        return result;
    }

    public async Task<Jurisdiction> RegisterJurisdictionAsync(JurisdictionRequest body, Actor actor, CancellationToken ct)
    {
        var j = Jurisdiction.Create(body.Code, body.Name, body.Facts, body.Notes);
        if (await db.Jurisdictions.AnyAsync(x => x.Code == j.Code, ct))
            throw new ConflictException("duplicate", $"Jurisdiction {j.Code} is already registered.");
        db.Jurisdictions.Add(j);
        db.Stage(LogEvents.JurisdictionChanged("created", j, null, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return j;
    }

    public async Task<Jurisdiction> UpdateJurisdictionAsync(string code, JurisdictionRequest body, Actor actor, CancellationToken ct)
    {
        var c = code.Trim().ToUpperInvariant();
        var j = await db.Jurisdictions.FirstOrDefaultAsync(x => x.Code == c, ct) ?? throw new NotFoundException("jurisdiction", code);
        var before = LogEvents.JurisdictionState(j);
        j.Update(body.Name ?? j.Name, body.Facts ?? j.Facts, body.Notes ?? j.Notes);
        db.Stage(LogEvents.JurisdictionChanged("updated", j, before, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return j;
    }
}
