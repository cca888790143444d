using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>
/// Beyond safety: the policy neither withholds what the rules grant nor names the wrong rules.
/// </summary>
public sealed class DecisionMatchesModelProperties
{
    [Property(MaxTest = 2000)]
    public Property The_decision_and_opening_time_are_what_the_rules_say() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            var blocked = Model.Blocked(w, w.At);
            var opens = blocked ? null : Model.Opens(w);
            return e.OpensAt == opens && e.Allowed == (opens is { } o && o <= w.At);
        });

    [Property(MaxTest = 2000)]
    public Property Every_failed_condition_is_named_by_its_rule() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            var denying = e.Findings.Where(f => f.Effect == Effect.Denies).Select(f => f.Rule).ToHashSet();
            var expected = new HashSet<string>();
            if (!Model.InGoodStanding(w, w.At)) expected.Add(RuleIds.Membership);
            if (!Model.ContractBinds(w, w.At)) expected.Add(RuleIds.Contract);
            if (!Model.AdvisoryLive(w, w.At)) expected.Add(RuleIds.AdvisoryState);
            if (Model.Restricted(w)) expected.Add(RuleIds.PartnerRestriction);
            if (Model.ProbationWithheld(w, w.At))
                expected.UnionWith(w.Rules!.Where(r => r.Kind == PolicyRuleKind.ProbationWithhold && r.Classes.Contains(Model.Class(w))).Select(r => r.Id));
            expected.UnionWith(Model.LimitsApplying(w).Where(r => !r.Classes.Contains(Model.Class(w))).Select(r => r.Id));
            if (Model.Opens(w) is null) expected.Add(Model.Lead(w) is null ? RuleIds.TierLeadTime : RuleIds.Wave);
            return denying.SetEquals(expected);
        });
}
