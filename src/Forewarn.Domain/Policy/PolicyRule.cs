using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;

namespace Forewarn.Domain.Policy;

/// <summary>The kinds of configurable rule the policy understands.</summary>
public enum PolicyRuleKind
{
    /// <summary>Partners under a jurisdiction with <see cref="PolicyRule.Fact"/> get only <see cref="PolicyRule.Classes"/>, optionally only from release.</summary>
    JurisdictionLimit,
    /// <summary>Partners on probation do not get <see cref="PolicyRule.Classes"/>.</summary>
    ProbationWithhold,
    /// <summary><see cref="PolicyRule.Classes"/> open to every receiving partner at release.</summary>
    PublicAtRelease,
}

/// <summary>
/// A configurable rule of the entitlement policy. <see cref="Since"/> is when the rule first
/// took effect, carried from policy version to version so explanations can say "since".
/// </summary>
public sealed record PolicyRule(
    string Id, PolicyRuleKind Kind, string Title, string? Fact, IReadOnlyList<ContentClass> Classes,
    bool AtReleaseOnly, DateTimeOffset Since)
{
    public static PolicyRule Create(string? id, PolicyRuleKind kind, string? title, string? fact,
        IEnumerable<ContentClass> classes, bool atReleaseOnly, DateTimeOffset since)
    {
        var rid = id?.Trim() ?? "";
        if (rid.Length is 0 or > 20 || !rid.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new DomainException("invalid-rule", $"'{id}' is not a rule id; use letters, digits and dashes, such as R3.");
        var f = kind == PolicyRuleKind.JurisdictionLimit ? JurisdictionFact.Parse(fact) : null;
        return new PolicyRule(rid, kind, TextRules.Required(title, "rule title", 300), f, [.. classes.Distinct().Order()], atReleaseOnly, since);
    }

    public static PolicyRuleKind ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "jurisdiction-limit" or "jurisdictionlimit" => PolicyRuleKind.JurisdictionLimit,
        "probation-withhold" or "probationwithhold" => PolicyRuleKind.ProbationWithhold,
        "public-at-release" or "publicatrelease" => PolicyRuleKind.PublicAtRelease,
        _ => throw new DomainException("invalid-rule",
            $"'{text}' is not a rule kind; use jurisdiction-limit, probation-withhold or public-at-release."),
    };

    public static string KindName(PolicyRuleKind kind) => kind switch
    {
        PolicyRuleKind.JurisdictionLimit => "jurisdiction-limit",
        PolicyRuleKind.ProbationWithhold => "probation-withhold",
        _ => "public-at-release",
    };
}
