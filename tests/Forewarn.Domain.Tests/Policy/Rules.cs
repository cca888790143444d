using Forewarn.Domain.Advisories;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy;

/// <summary>Configurable rules as the programme writes them.</summary>
internal static class Rules
{
    public static PolicyRule ProbationWithhold(string id, params ContentClass[] classes) =>
        PolicyRule.Create(id, PolicyRuleKind.ProbationWithhold, "Withhold from partners on probation", null, classes, false, PolicyScene.Joined);

    public static PolicyRule JurisdictionLimit(string id, string fact, bool atReleaseOnly, params ContentClass[] onlyThese) =>
        PolicyRule.Create(id, PolicyRuleKind.JurisdictionLimit, "Limit content for a jurisdiction", fact, onlyThese, atReleaseOnly, PolicyScene.Joined);

    public static PolicyRule PublicAtRelease(string id, params ContentClass[] classes) =>
        PolicyRule.Create(id, PolicyRuleKind.PublicAtRelease, "Open to every partner at release", null, classes, false, PolicyScene.Joined);
}
