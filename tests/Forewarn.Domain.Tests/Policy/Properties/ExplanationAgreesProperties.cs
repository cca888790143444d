using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>Invariant (d): the explanation always agrees with the decision.</summary>
public sealed class ExplanationAgreesProperties
{
    [Property(MaxTest = 2000)]
    public Property Allowed_verdict_explanation_and_findings_say_the_same() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            var noDenial = !e.Findings.Any(f => f.Effect == Effect.Denies);
            var opened = e.OpensAt is { } o && o <= e.At;
            var claims = new[]
            {
                e.Allowed,
                e.Verdict == "allowed",
                e.Explanation.StartsWith("allowed", StringComparison.Ordinal),
                noDenial && opened,
            };
            return claims.All(c => c == e.Allowed) && e.At == w.At;
        });

    [Property(MaxTest = 2000)]
    public Property A_denial_names_a_denying_rule_and_a_delay_says_when_it_opens() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            if (e.Allowed) return e.Deciding.Count > 0 && e.Deciding.All(f => f.Effect == Effect.Grants);
            var quotesReasons = e.Deciding.All(f => e.Explanation.Contains(f.Sentence, StringComparison.Ordinal));
            return e.OpensAt is { } o
                ? e.Verdict == "not-yet" && o > e.At && e.Explanation.StartsWith("not yet: opens ", StringComparison.Ordinal)
                  && e.Deciding.Count > 0 && e.Deciding.All(f => f.Effect == Effect.Delays) && quotesReasons
                : e.Verdict == "denied" && e.Explanation.StartsWith("denied: ", StringComparison.Ordinal)
                  && e.Deciding.Count > 0 && e.Deciding.All(f => f.Effect == Effect.Denies) && quotesReasons;
        });

    [Property(MaxTest = 2000)]
    public Property Check_gives_the_same_answer_as_Decide() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            return EntitlementPolicy.Check(w.Query) == (e.Allowed, e.OpensAt);
        });
}
