using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

public sealed class ProbationWithholdRuleTests
{
    private static readonly DateTimeOffset DayBeforeRelease = PolicyScene.Release.AddDays(-1);
    private static readonly DateTimeOffset WindowOpens = PolicyScene.Release - PolicyScene.StrategicLead;

    private static PolicyScene OnProbation() => new PolicyScene()
        .WithRules(Rules.ProbationWithhold("R2", ContentClass.Poc, ContentClass.Indicators))
        .Then(PartnerStatus.Probation, Utc.At("2025-05-01T00:00Z"));

    [Fact]
    public void A_partner_on_probation_does_not_get_the_withheld_classes()
    {
        var e = OnProbation().Decide(ContentClass.Poc, DayBeforeRelease);

        EntitlementAssert.Denied(e, "R2");
        Assert.Equal("denied: PoC withheld from partners on probation, rule R2 since 2025-01-10", e.Explanation);
    }

    [Fact]
    public void A_partner_on_probation_still_gets_the_other_classes()
    {
        EntitlementAssert.Allowed(OnProbation().Decide(ContentClass.Description, DayBeforeRelease), WindowOpens);
    }

    [Fact]
    public void An_active_partner_is_not_touched_by_the_probation_rule()
    {
        var e = new PolicyScene().WithRules(Rules.ProbationWithhold("R2", ContentClass.Poc)).Decide(ContentClass.Poc, DayBeforeRelease);

        EntitlementAssert.Allowed(e, WindowOpens);
        Assert.DoesNotContain(e.Findings, f => f.Rule == "R2");
    }

    [Fact]
    public void The_rule_follows_the_status_at_the_time_asked_about()
    {
        var scene = new PolicyScene()
            .WithRules(Rules.ProbationWithhold("R2", ContentClass.Poc))
            .Then(PartnerStatus.Probation, Utc.At("2025-07-01T00:00Z"))
            .Then(PartnerStatus.Active, Utc.At("2025-07-05T00:00Z"));

        EntitlementAssert.Denied(scene.Decide(ContentClass.Poc, Utc.At("2025-07-04T00:00Z")), "R2");
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Poc, Utc.At("2025-07-05T00:00Z")), WindowOpens);
    }
}
