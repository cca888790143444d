using Forewarn.Domain.Common;

namespace Forewarn.Domain.Policy;

/// <summary>
/// One version of the programme's configurable rules. Versions are never edited: a change is a
/// new version effective from a stated time, and every decision about a later moment uses it.
/// </summary>
public sealed class PolicyVersion
{
    private PolicyVersion() { }

    public int Number { get; private set; }
    public DateTimeOffset EffectiveFrom { get; private set; }
    public IReadOnlyList<PolicyRule> Rules { get; private set; } = [];
    public string Reason { get; private set; } = "";
    public string Author { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How far before "now" an effective time may lie (clock skew between staff and server).</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Makes the next version. Rules that keep their id keep their <c>Since</c>; new rules take
    /// the version's effective time. A version cannot take effect before the one it follows, nor
    /// in the past: what was decided under earlier rules stays explained by them.
    /// </summary>
    public static PolicyVersion Next(PolicyVersion? previous, IEnumerable<PolicyRule> rules, DateTimeOffset effectiveFrom,
        string? reason, string author, DateTimeOffset now)
    {
        var list = rules.ToList();
        var dup = list.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new DomainException("duplicate-rule", $"Rule id {dup.Key} appears twice.");
        if (effectiveFrom < now - AllowedSkew)
            throw new DomainException("policy-in-past",
                $"A policy version cannot take effect in the past ({Moments.Show(effectiveFrom)}): decisions already made stay as the rules then in force made them. Give an effective time from now on.");
        if (previous is not null && effectiveFrom < previous.EffectiveFrom)
            throw new ConflictException("policy-before-previous",
                $"A policy version cannot take effect before version {previous.Number} ({Moments.Show(previous.EffectiveFrom)}).");
        var carried = list.Select(r =>
            previous?.Rules.FirstOrDefault(p => string.Equals(p.Id, r.Id, StringComparison.OrdinalIgnoreCase)) is { } old
            && old.Kind == r.Kind
                ? r with { Since = old.Since }
                : r with { Since = effectiveFrom }).ToList();
        return new PolicyVersion
        {
            Number = (previous?.Number ?? 0) + 1,
            EffectiveFrom = effectiveFrom.ToUniversalTime(),
            Rules = carried,
            Reason = TextRules.Required(reason, "reason for the policy change", 1000, TextShape.Prose),
            Author = author,
            CreatedAt = now,
        };
    }

    /// <summary>The version in force at <paramref name="at"/>: the latest that took effect by then.</summary>
    public static PolicyVersion? InForce(IEnumerable<PolicyVersion> versions, DateTimeOffset at) =>
        versions.Where(v => v.InForceFrom <= at).MaxBy(v => v.Number);

    /// <summary>
    /// When the version took effect: its effective time, or when it was made if that was later —
    /// the allowed clock skew never backdates a version over decisions already made.
    /// </summary>
    public DateTimeOffset InForceFrom => Moments.Max(EffectiveFrom, CreatedAt);
}
