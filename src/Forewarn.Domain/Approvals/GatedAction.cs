using Forewarn.Domain.Common;

namespace Forewarn.Domain.Approvals;

/// <summary>
/// The actions that widen disclosure or cannot be undone, which may need a second staff member's
/// approval. A new one is one more member here, a name, a setting (ApprovalOptions) and the case
/// in ApprovedChanges that runs it.
/// </summary>
public enum GatedAction
{
    /// <summary>A new policy version: it decides what every partner sees.</summary>
    PolicyPublish,
    /// <summary>An advisory's release moved earlier: everyone, attackers included, learns of it sooner; a release cannot be taken back.</summary>
    ReleaseEarlier,
    /// <summary>A wave that publishes proof-of-concept code, the most dangerous content.</summary>
    PocWave,
    /// <summary>A partner removed from the programme: final.</summary>
    PartnerRemoval,
    /// <summary>A staff key that can write: whoever holds it can change the programme, and approve.</summary>
    StaffWriteKey,
    /// <summary>A case's sanction on a partner lifted (reinstated): disclosure widens again to someone suspected of a leak.</summary>
    SanctionLift,
    /// <summary>An invitation to a staff role that can write (staff-admin, staff-publisher): whoever accepts it can change the programme, and approve.</summary>
    WriteRoleInvitation,
}

public static class GatedActions
{
    public static IReadOnlyList<GatedAction> All { get; } = Enum.GetValues<GatedAction>();

    /// <summary>The action's name in the API, settings and log: <c>policy-publish</c>, <c>poc-wave</c>, …</summary>
    public static string Name(this GatedAction action) => action switch
    {
        GatedAction.PolicyPublish => "policy-publish",
        GatedAction.ReleaseEarlier => "release-earlier",
        GatedAction.PocWave => "poc-wave",
        GatedAction.PartnerRemoval => "partner-removal",
        GatedAction.StaffWriteKey => "staff-write-key",
        GatedAction.SanctionLift => "sanction-lift",
        GatedAction.WriteRoleInvitation => "write-role-invitation",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>
    /// Whether the approved change is made when a person collects it rather than at approval: a staff
    /// key's token and an invitation's one-time link go to one person only, in the answer that makes them.
    /// </summary>
    public static bool IsCollected(this GatedAction action) => action is GatedAction.StaffWriteKey or GatedAction.WriteRoleInvitation;

    public static GatedAction Parse(string? text)
    {
        foreach (var action in All)
            if (string.Equals(action.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) return action;
        throw new DomainException("unknown-action", $"'{text}' is not an action that needs approval; use {string.Join(", ", All.Select(Name))}.");
    }
}
