using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;

namespace Forewarn.Server.Api.Contracts;

/// <summary>A tier; lead times in days (fractions allowed) per content class.</summary>
public sealed record TierDto(string Name, string Description, IReadOnlyDictionary<string, double> LeadTimeDays, double ReviewEveryDays,
    double AcknowledgeWithinDays)
{
    public static TierDto From(Tier t) => new(t.Name, t.Description,
        t.LeadTimes.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.Name(), kv => kv.Value.TotalDays), t.ReviewEvery.TotalDays,
        t.AcknowledgeWithin.TotalDays);
}

/// <summary>A new tier or a change of one; <paramref name="ReviewEveryDays"/>: how often its partners are reviewed (default 365).</summary>
public sealed record TierRequest(string? Name, string? Description, IReadOnlyDictionary<string, double>? LeadTimeDays, double? ReviewEveryDays = null,
    double? AcknowledgeWithinDays = null);

public sealed record JurisdictionDto(string Code, string Name, IReadOnlyList<string> Facts, string Notes)
{
    public static JurisdictionDto From(Jurisdiction j) => new(j.Code, j.Name, j.Facts, j.Notes);
}

public sealed record JurisdictionRequest(string? Code, string? Name, IReadOnlyList<string>? Facts, string? Notes);

public sealed record PolicyRuleDto(string Id, string Kind, string Title, string? Fact, IReadOnlyList<string> Classes,
    bool AtReleaseOnly, DateTimeOffset? Since)
{
    public static PolicyRuleDto From(PolicyRule r) => new(r.Id, PolicyRule.KindName(r.Kind), r.Title, r.Fact,
        [.. r.Classes.Select(c => c.Name())], r.AtReleaseOnly, r.Since);
}

public sealed record PolicyVersionDto(int Number, DateTimeOffset EffectiveFrom, string Reason, string Author,
    DateTimeOffset CreatedAt, IReadOnlyList<PolicyRuleDto> Rules, IReadOnlyList<PendingChangeDto>? Pending = null)
{
    /// <summary>The view; <c>pending</c>, for the version in force: new versions waiting for a second staff member.</summary>
    public static PolicyVersionDto From(PolicyVersion v, IReadOnlyList<PendingChangeDto>? pending = null) => new(v.Number, v.EffectiveFrom,
        v.Reason, v.Author, v.CreatedAt, [.. v.Rules.Select(PolicyRuleDto.From)], pending);
}

public sealed record NewPolicyRule(string? Id, string? Kind, string? Title, string? Fact, IReadOnlyList<string>? Classes, bool AtReleaseOnly);

public sealed record NewPolicyVersion(DateTimeOffset? EffectiveFrom, string? Reason, IReadOnlyList<NewPolicyRule>? Rules);

public sealed record FindingDto(string Rule, string Effect, string Sentence, DateTimeOffset? From);

public sealed record EntitlementDto(bool Allowed, string Verdict, DateTimeOffset At, DateTimeOffset? OpensAt,
    string Explanation, IReadOnlyList<FindingDto> Findings, IReadOnlyList<string> DecidingRules)
{
    public static EntitlementDto From(Entitlement e) => new(e.Allowed, e.Verdict, e.At, e.OpensAt, e.Explanation,
        [.. e.Findings.Select(f => new FindingDto(f.Rule, f.Effect.ToString().ToLowerInvariant(), f.Sentence, f.From))],
        [.. e.Deciding.Select(f => f.Rule)]);
}
