using Forewarn.Domain.Advisories;

namespace Forewarn.Domain.Tiers;

/// <summary>What the policy reads about a tier: its lead times, kept with a valid-from time whenever they change.</summary>
public sealed record TierFacts(IReadOnlyDictionary<ContentClass, TimeSpan> LeadTimes);
