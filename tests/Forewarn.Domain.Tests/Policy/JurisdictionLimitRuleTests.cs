using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;

namespace Forewarn.Domain.Tests.Policy;

public sealed class JurisdictionLimitRuleTests
{
    private static readonly DateTimeOffset TwoDaysBefore = AfterTheJulyLeak.Release.AddDays(-2);
    private static readonly DateTimeOffset StrategicWindow = AfterTheJulyLeak.Release - PolicyScene.StrategicLead;

    [Fact]
    public void A_partner_in_a_mandatory_reporting_jurisdiction_gets_no_poc_and_is_told_which_rule_since_when()
    {
        var e = AfterTheJulyLeak.Scene("CN").Decide(ContentClass.Poc, TwoDaysBefore);

        EntitlementAssert.Denied(e, "R3");
        Assert.Equal("denied: PoC withheld for jurisdictions with mandatory government reporting (CN), rule R3 since 2025-07-20", e.Explanation);
    }

    [Theory]
    [InlineData(ContentClass.Detection)]
    [InlineData(ContentClass.Indicators)]
    [InlineData(ContentClass.Mitigation)]
    [InlineData(ContentClass.Poc)]
    public void Only_the_notice_and_description_are_given_even_after_release(ContentClass cls)
    {
        EntitlementAssert.Denied(AfterTheJulyLeak.Scene("CN").Decide(cls, AfterTheJulyLeak.Release.AddDays(1)), "R3");
    }

    [Theory]
    [InlineData(ContentClass.Notice)]
    [InlineData(ContentClass.Description)]
    public void The_notice_and_description_arrive_only_at_release(ContentClass cls)
    {
        var scene = AfterTheJulyLeak.Scene("CN");

        var early = scene.Decide(cls, TwoDaysBefore);
        EntitlementAssert.NotYet(early, AfterTheJulyLeak.Release, "R3");
        Assert.Contains("given only at release for jurisdictions with mandatory government reporting (CN), rule R3 since 2025-07-20", early.Explanation);

        EntitlementAssert.NotYet(scene.Decide(cls, AfterTheJulyLeak.Release.AddMinutes(-1)), AfterTheJulyLeak.Release, "R3");
        EntitlementAssert.Allowed(scene.Decide(cls, AfterTheJulyLeak.Release), AfterTheJulyLeak.Release, "R3");
    }

    [Fact]
    public void Partners_elsewhere_keep_their_tier_window_and_their_poc()
    {
        var scene = AfterTheJulyLeak.Scene("US");

        var e = scene.Decide(ContentClass.Poc, TwoDaysBefore);
        EntitlementAssert.Allowed(e, StrategicWindow);
        Assert.DoesNotContain(e.Findings, f => f.Rule == "R3");
        EntitlementAssert.Allowed(scene.Decide(ContentClass.Description, TwoDaysBefore), StrategicWindow);
    }

    [Fact]
    public void Every_jurisdiction_the_partner_operates_under_counts_not_only_its_headquarters()
    {
        var e = AfterTheJulyLeak.Scene("DE", "cn").Decide(ContentClass.Poc, TwoDaysBefore);

        EntitlementAssert.Denied(e, "R3");
        Assert.Contains("(CN)", e.Explanation);
    }

    [Fact]
    public void All_matching_jurisdictions_are_listed()
    {
        var e = AfterTheJulyLeak.Scene("CN", "RU")
            .KnowingJurisdictions(
                Jurisdiction.Create("CN", "China", [JurisdictionFact.MandatoryVulnerabilityReporting], null),
                Jurisdiction.Create("RU", "Russia", [JurisdictionFact.MandatoryVulnerabilityReporting], null))
            .Decide(ContentClass.Detection, TwoDaysBefore);

        EntitlementAssert.Denied(e, "R3");
        Assert.Contains("(CN, RU)", e.Explanation);
    }

    [Fact]
    public void The_rule_applies_only_where_the_jurisdiction_has_the_fact()
    {
        var e = AfterTheJulyLeak.Scene("CN")
            .KnowingJurisdictions(Jurisdiction.Create("CN", "China", [JurisdictionFact.ExportRestrictedVulnerabilities], null))
            .Decide(ContentClass.Poc, TwoDaysBefore);

        EntitlementAssert.Allowed(e, StrategicWindow);
    }

    [Fact]
    public void A_limit_without_release_only_gives_the_listed_classes_in_the_tier_window()
    {
        var e = new PolicyScene()
            .HeadquarteredIn("CN")
            .WithRules(Rules.JurisdictionLimit("R4", JurisdictionFact.ExportRestrictedVulnerabilities, false, ContentClass.Notice))
            .Decide(ContentClass.Notice, PolicyScene.Release.AddDays(-1));

        EntitlementAssert.Allowed(e, PolicyScene.Release - PolicyScene.StrategicLead);
    }
}
