namespace Forewarn.Domain.Policy;

/// <summary>Ids of the built-in rules, which hold in every policy version.</summary>
public static class RuleIds
{
    public const string Membership = "membership";
    public const string Contract = "contract";
    public const string AdvisoryState = "advisory-state";
    public const string PartnerRestriction = "partner-restriction";
    public const string TierLeadTime = "tier-lead-time";
    public const string Wave = "wave";
}
