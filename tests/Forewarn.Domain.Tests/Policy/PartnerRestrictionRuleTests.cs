using Forewarn.Domain.Advisories;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy;

public sealed class PartnerRestrictionRuleTests
{
    private static readonly DateTimeOffset DayBeforeRelease = PolicyScene.Release.AddDays(-1);

    [Fact]
    public void A_restricted_class_is_withheld_from_that_partner_only()
    {
        var scene = new PolicyScene().Restricting(ContentClass.Poc);

        var poc = scene.Decide(ContentClass.Poc, DayBeforeRelease);
        EntitlementAssert.Denied(poc, RuleIds.PartnerRestriction);
        Assert.Contains("PoC is withheld from Northwind Detection GmbH by a restriction on this partner", poc.Explanation);

        EntitlementAssert.Allowed(scene.Decide(ContentClass.Detection, DayBeforeRelease), PolicyScene.Release - PolicyScene.StrategicLead);
        EntitlementAssert.Allowed(new PolicyScene().Decide(ContentClass.Poc, DayBeforeRelease), PolicyScene.Release - PolicyScene.StrategicLead);
    }

    [Fact]
    public void A_restriction_outlasts_the_release_even_when_the_class_is_public_then()
    {
        var e = new PolicyScene()
            .Restricting(ContentClass.Mitigation)
            .WithRules(Rules.PublicAtRelease("R5", ContentClass.Mitigation))
            .Decide(ContentClass.Mitigation, PolicyScene.Release.AddDays(10));

        EntitlementAssert.Denied(e, RuleIds.PartnerRestriction);
    }
}
