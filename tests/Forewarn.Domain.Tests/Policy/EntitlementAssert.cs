using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy;

/// <summary>Asserts a decision, its verdict, its explanation and the rules that decided it.</summary>
internal static class EntitlementAssert
{
    public static void Allowed(Entitlement e, DateTimeOffset opensAt, params string[] grantingRules)
    {
        Assert.True(e.Allowed, e.Explanation);
        Assert.Equal("allowed", e.Verdict);
        Assert.Equal(opensAt, e.OpensAt);
        Assert.StartsWith($"allowed since {Moments.Show(opensAt)}: ", e.Explanation);
        Assert.DoesNotContain(e.Findings, f => f.Effect == Effect.Denies);
        Assert.All(e.Deciding, f => Assert.Equal(Effect.Grants, f.Effect));
        foreach (var rule in grantingRules)
            Assert.Contains(e.Deciding, f => f.Rule == rule);
    }

    /// <summary>Denied, and exactly <paramref name="denyingRules"/> are named as the reasons.</summary>
    public static void Denied(Entitlement e, params string[] denyingRules)
    {
        Assert.False(e.Allowed, e.Explanation);
        Assert.Equal("denied", e.Verdict);
        Assert.Null(e.OpensAt);
        Assert.StartsWith("denied: ", e.Explanation);
        Assert.All(e.Deciding, f => Assert.Equal(Effect.Denies, f.Effect));
        Assert.Equal(denyingRules.Order(StringComparer.Ordinal), e.Deciding.Select(f => f.Rule).Order(StringComparer.Ordinal));
        foreach (var f in e.Deciding)
            Assert.Contains(f.Sentence, e.Explanation);
    }

    public static void NotYet(Entitlement e, DateTimeOffset opensAt, params string[] delayingRules)
    {
        Assert.False(e.Allowed, e.Explanation);
        Assert.Equal("not-yet", e.Verdict);
        Assert.Equal(opensAt, e.OpensAt);
        Assert.True(opensAt > e.At, "a not-yet decision must open after the time asked about");
        Assert.StartsWith($"not yet: opens {Moments.Show(opensAt)}; ", e.Explanation);
        Assert.DoesNotContain(e.Findings, f => f.Effect == Effect.Denies);
        Assert.All(e.Deciding, f => Assert.Equal(Effect.Delays, f.Effect));
        foreach (var rule in delayingRules)
            Assert.Contains(e.Deciding, f => f.Rule == rule);
    }
}
