using Forewarn.Domain.Approvals;

namespace Forewarn.Server.Approvals;

/// <summary>Which actions need four eyes and the approval window, from the validated <see cref="ApprovalOptions"/>.</summary>
public sealed record ApprovalSettings(IReadOnlySet<GatedAction> Gated, TimeSpan Window)
{
    public static ApprovalSettings From(ApprovalOptions o)
    {
        static bool On(string value) => !string.Equals(value, "off", StringComparison.OrdinalIgnoreCase);
        var gated = new HashSet<GatedAction>();
        if (On(o.PolicyPublish)) gated.Add(GatedAction.PolicyPublish);
        if (On(o.PocWave)) gated.Add(GatedAction.PocWave);
        if (On(o.ReleaseEarlier)) gated.Add(GatedAction.ReleaseEarlier);
        if (On(o.PartnerRemoval)) gated.Add(GatedAction.PartnerRemoval);
        if (On(o.StaffWriteKey)) gated.Add(GatedAction.StaffWriteKey);
        if (On(o.SanctionLift)) gated.Add(GatedAction.SanctionLift);
        if (On(o.WriteRoleInvitation)) gated.Add(GatedAction.WriteRoleInvitation);
        var window = TimeSpan.FromHours(o.ExpireAfterHours);
        if (window < Proposal.MinWindow) window = Proposal.MinWindow;
        return new ApprovalSettings(gated, window);
    }

    public bool IsGated(GatedAction action) => Gated.Contains(action);
}
