using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class PolicyVersionTests
{
    [Fact]
    public void Versions_are_numbered_in_order_and_take_effect_when_stated()
    {
        var v1 = AfterTheJulyLeak.Version1();
        var v2 = AfterTheJulyLeak.Version2(v1);

        Assert.Equal(1, v1.Number);
        Assert.Equal(2, v2.Number);
        Assert.Equal(PolicyScene.Joined, v1.EffectiveFrom);
        Assert.Equal(AfterTheJulyLeak.R3Effective, v2.EffectiveFrom);
    }

    [Fact]
    public void A_rule_kept_under_its_id_keeps_its_since_and_a_new_rule_starts_with_its_version()
    {
        var v2 = AfterTheJulyLeak.Version2(AfterTheJulyLeak.Version1());

        Assert.Equal(PolicyScene.Joined, v2.Rules.Single(r => r.Id == "R1").Since);
        Assert.Equal(AfterTheJulyLeak.R3Effective, v2.Rules.Single(r => r.Id == "R3").Since);
    }

    [Fact]
    public void Rule_ids_match_without_regard_to_case_but_a_changed_kind_is_a_new_rule()
    {
        var v1 = AfterTheJulyLeak.Version1();
        var later = Utc.At("2025-09-01T00:00Z");

        var sameRule = PolicyVersion.Next(v1, [Rules.ProbationWithhold("r1", ContentClass.Poc, ContentClass.Detection)], later, "Widen R1", "staff", later);
        Assert.Equal(PolicyScene.Joined, sameRule.Rules.Single().Since);

        var newKind = PolicyVersion.Next(v1, [Rules.PublicAtRelease("R1", ContentClass.Notice)], later, "Reuse the id", "staff", later);
        Assert.Equal(later, newKind.Rules.Single().Since);
    }

    [Fact]
    public void The_version_in_force_is_the_latest_that_took_effect_by_then()
    {
        var v1 = AfterTheJulyLeak.Version1();
        var v2 = AfterTheJulyLeak.Version2(v1);
        PolicyVersion[] versions = [v2, v1];

        Assert.Null(PolicyVersion.InForce(versions, PolicyScene.Joined.AddTicks(-1)));
        Assert.Same(v1, PolicyVersion.InForce(versions, PolicyScene.Joined));
        Assert.Same(v1, PolicyVersion.InForce(versions, AfterTheJulyLeak.R3Effective.AddTicks(-1)));
        Assert.Same(v2, PolicyVersion.InForce(versions, AfterTheJulyLeak.R3Effective));
        Assert.Same(v2, PolicyVersion.InForce(versions, Utc.At("2026-01-01T00:00Z")));
    }

    [Fact]
    public void A_decision_about_a_moment_uses_the_rules_in_force_at_that_moment()
    {
        var v1 = AfterTheJulyLeak.Version1();
        PolicyVersion[] versions = [v1, AfterTheJulyLeak.Version2(v1)];

        var beforeR3 = Utc.At("2025-07-12T00:00Z");
        var julyScene = new PolicyScene().HeadquarteredIn("CN")
            .ReleasedAt(Utc.At("2025-07-15T17:00Z"))
            .UnderPolicy(PolicyVersion.InForce(versions, beforeR3));
        EntitlementAssert.Allowed(julyScene.Decide(ContentClass.Poc, beforeR3), Utc.At("2025-07-10T17:00Z"));

        var afterR3 = AfterTheJulyLeak.Release.AddDays(-2);
        var augustScene = AfterTheJulyLeak.Scene("CN").UnderPolicy(PolicyVersion.InForce(versions, afterR3));
        EntitlementAssert.Denied(augustScene.Decide(ContentClass.Poc, afterR3), "R3");
    }

    [Fact]
    public void Without_a_policy_version_only_the_built_in_rules_apply()
    {
        var e = new PolicyScene().HeadquarteredIn("CN").UnderPolicy(null).Decide(ContentClass.Poc, PolicyScene.Release.AddDays(-1));

        EntitlementAssert.Allowed(e, PolicyScene.Release - PolicyScene.StrategicLead);
    }

    [Fact]
    public void Duplicate_rule_ids_are_refused()
    {
        Expect.Refusal("duplicate-rule", () => PolicyVersion.Next(null,
            [Rules.ProbationWithhold("R1", ContentClass.Poc), Rules.PublicAtRelease("r1", ContentClass.Notice)],
            PolicyScene.Joined, "Two rules", "staff", PolicyScene.Joined));
    }

    [Fact]
    public void A_version_cannot_take_effect_before_the_one_it_follows()
    {
        var v1 = AfterTheJulyLeak.Version1();

        Expect.Refusal("policy-before-previous", () =>
            PolicyVersion.Next(v1, [], v1.EffectiveFrom.AddMinutes(-1), "Backdated", "staff", v1.EffectiveFrom));
    }

    [Fact]
    public void A_version_cannot_take_effect_in_the_past_beyond_clock_skew()
    {
        var now = PolicyScene.Joined.AddDays(100);
        Expect.Refusal("policy-in-past", () =>
            PolicyVersion.Next(null, [], now - PolicyVersion.AllowedSkew - TimeSpan.FromSeconds(1), "Backdated", "staff", now));
        var skewed = PolicyVersion.Next(null, [], now - PolicyVersion.AllowedSkew, "Within skew", "staff", now);
        Assert.Equal(now - PolicyVersion.AllowedSkew, skewed.EffectiveFrom);
    }

    [Fact]
    public void A_version_needs_a_reason()
    {
        Expect.Refusal("invalid-field", () => PolicyVersion.Next(null, [], PolicyScene.Joined, "  ", "staff", PolicyScene.Joined));
    }

    [Theory]
    [InlineData("")]
    [InlineData("R 3")]
    [InlineData("R3!")]
    [InlineData("R123456789012345678901")]
    public void Rule_ids_are_short_letters_digits_and_dashes(string id)
    {
        Expect.Refusal("invalid-rule", () =>
            PolicyRule.Create(id, PolicyRuleKind.PublicAtRelease, "Title", null, [ContentClass.Notice], false, PolicyScene.Joined));
    }

    [Fact]
    public void A_jurisdiction_limit_must_name_a_known_fact()
    {
        Expect.Refusal("unknown-jurisdiction-fact", () =>
            PolicyRule.Create("R3", PolicyRuleKind.JurisdictionLimit, "Limit", "has-a-king", [ContentClass.Notice], true, PolicyScene.Joined));
        var rule = PolicyRule.Create("R3", PolicyRuleKind.JurisdictionLimit, "Limit", " Mandatory-Vulnerability-Reporting ", [ContentClass.Notice], true, PolicyScene.Joined);
        Assert.Equal(JurisdictionFact.MandatoryVulnerabilityReporting, rule.Fact);
    }

    [Theory]
    [InlineData("jurisdiction-limit", PolicyRuleKind.JurisdictionLimit)]
    [InlineData("Probation-Withhold", PolicyRuleKind.ProbationWithhold)]
    [InlineData("public-at-release", PolicyRuleKind.PublicAtRelease)]
    public void Rule_kinds_have_wire_names(string text, PolicyRuleKind kind)
    {
        Assert.Equal(kind, PolicyRule.ParseKind(text));
        Assert.Equal(text.ToLowerInvariant(), PolicyRule.KindName(kind));
    }

    [Fact]
    public void An_unknown_rule_kind_is_refused()
    {
        Expect.Refusal("invalid-rule", () => PolicyRule.ParseKind("embargo-forever"));
    }
}
