using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>
/// A decision may be reused until its horizon: at any moment before it, the decision and every
/// word of its explanation are the same, and (when there is a horizon) something differs at it
/// or later only because time crossed a moment the policy compares with.
/// </summary>
public sealed class DecisionHorizonProperties
{
    private static bool Same(Entitlement a, Entitlement b) =>
        a.Allowed == b.Allowed && a.OpensAt == b.OpensAt && a.Verdict == b.Verdict && a.Explanation == b.Explanation
        && a.Findings.SequenceEqual(b.Findings);

    [Property(MaxTest = 2000)]
    public Property Nothing_changes_before_the_horizon() =>
        Prop.ForAll(WorldGenerator.Worlds, Gen.Choose(0, 1000).ToArbitrary(), (w, permille) =>
        {
            var first = EntitlementPolicy.Decide(w.Query);
            var until = DecisionHorizon.StableUntil(w.Query) ?? w.At.AddDays(60);
            var span = until - w.At;
            var later = w.At + TimeSpan.FromTicks(span.Ticks / 1000 * permille);
            if (later >= until) later = until - TimeSpan.FromTicks(1);
            var again = EntitlementPolicy.Decide(w.Query with { At = later });
            return (until > w.At && Same(first, again))
                .Label($"at {w.At:O} until {until:O}, checked {later:O}");
        });

    [Property(MaxTest = 2000)]
    public Property The_moment_before_the_horizon_still_holds() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            if (DecisionHorizon.StableUntil(w.Query) is not { } until) return true.ToProperty();
            var first = EntitlementPolicy.Decide(w.Query);
            var justBefore = EntitlementPolicy.Decide(w.Query with { At = until - TimeSpan.FromTicks(1) });
            return Same(first, justBefore).Label($"until {until:O}");
        });
}
