using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Tiers;

/// <summary>
/// A partner tier: data, not code. Each content class the tier receives early has a lead time
/// before the coordinated release; a class without a lead time is not given early to the tier.
/// </summary>
public sealed class Tier
{
    private Tier() { }

    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyDictionary<ContentClass, TimeSpan> LeadTimes { get; private set; } = new Dictionary<ContentClass, TimeSpan>();

    /// <summary>How often a partner of the tier is reviewed (its vetting renewed); a year unless the tier says otherwise.</summary>
    public TimeSpan ReviewEvery { get; private set; } = DefaultReviewEvery;

    public static readonly TimeSpan DefaultReviewEvery = TimeSpan.FromDays(365);

    /// <summary>How long after it is first told of an advisory a partner of the tier has to acknowledge it; two days unless the tier says otherwise.</summary>
    public TimeSpan AcknowledgeWithin { get; private set; } = DefaultAcknowledgeWithin;

    public static readonly TimeSpan DefaultAcknowledgeWithin = TimeSpan.FromDays(2);

    /// <summary>Changes the acknowledgement deadline: from one hour to 30 days.</summary>
    public void SetAcknowledgeWithin(TimeSpan within)
    {
        if (within < TimeSpan.FromHours(1) || within > TimeSpan.FromDays(30))
            throw new DomainException("invalid-acknowledgement-deadline", "A tier's acknowledgement deadline must be between one hour and 30 days.");
        AcknowledgeWithin = within;
    }

    /// <summary>Changes how often the tier's partners are reviewed: from 7 days to 5 years.</summary>
    public void SetReviewEvery(TimeSpan every)
    {
        if (every < TimeSpan.FromDays(7) || every > TimeSpan.FromDays(5 * 365))
            throw new DomainException("invalid-review-interval", "A tier's review interval must be between 7 days and 5 years (1825 days).");
        ReviewEvery = every;
    }

    /// <summary>The longest lead time anyone may be given: the distros list's 14-day embargo plus slack.</summary>
    public static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(30);

    public static Tier Create(string? name, string? description, IReadOnlyDictionary<ContentClass, TimeSpan> leadTimes)
    {
        var tier = new Tier { Name = TextRules.Required(name, "tier name", 60), Description = TextRules.Optional(description, "tier description", 500) };
        tier.SetLeadTimes(leadTimes);
        return tier;
    }

    public void Describe(string? description) => Description = TextRules.Optional(description, "tier description", 500);

    public void SetLeadTimes(IReadOnlyDictionary<ContentClass, TimeSpan> leadTimes)
    {
        foreach (var (cls, lead) in leadTimes)
        {
            if (lead < TimeSpan.Zero || lead > MaxLeadTime)
                throw new DomainException("invalid-lead-time",
                    $"The lead time for {cls.Name()} must be between 0 and {MaxLeadTime.TotalDays:0} days.");
        }
        LeadTimes = new Dictionary<ContentClass, TimeSpan>(leadTimes);
    }

    /// <summary>The facts the policy reads about this tier.</summary>
    public TierFacts Facts => new(LeadTimes);

    /// <summary>This tier as it was when <paramref name="facts"/> were in force.</summary>
    public Tier AsOf(TierFacts facts)
    {
        var then = (Tier)MemberwiseClone();
        then.LeadTimes = facts.LeadTimes;
        return then;
    }

    /// <summary>A tier that no longer exists, as it was when <paramref name="facts"/> were in force.</summary>
    public static Tier Restore(string name, TierFacts facts) => new() { Name = name, LeadTimes = facts.LeadTimes };

    public TimeSpan? LeadTime(ContentClass cls) => LeadTimes.TryGetValue(cls, out var t) ? t : null;
}
