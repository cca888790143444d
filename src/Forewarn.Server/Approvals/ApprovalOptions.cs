using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Approvals;

/// <summary>
/// Section <c>approvals</c>: which actions need a second staff member's approval, and how long a
/// proposal waits for it (e.g. <c>FOREWARN_APPROVALS__PARTNERREMOVAL=off</c>,
/// <c>FOREWARN_APPROVALS__EXPIREAFTERHOURS=8</c>). docs/approvals.md says why each default is what it is.
/// </summary>
public sealed class ApprovalOptions
{
    public const string Section = "approvals";
    private const string OnOff = "(?i)^(on|off)$";

    [Range(0.1, 720, ErrorMessage = "approvals:expireAfterHours (FOREWARN_APPROVALS__EXPIREAFTERHOURS) is how long a proposal waits for its approval: from 0.1 to 720 hours.")]
    public double ExpireAfterHours { get; set; } = 24;

    [RegularExpression(OnOff, ErrorMessage = "approvals:policyPublish (FOREWARN_APPROVALS__POLICYPUBLISH) is 'on' or 'off'.")]
    public string PolicyPublish { get; set; } = "on";

    [RegularExpression(OnOff, ErrorMessage = "approvals:pocWave (FOREWARN_APPROVALS__POCWAVE) is 'on' or 'off'.")]
    public string PocWave { get; set; } = "on";

    [RegularExpression(OnOff, ErrorMessage = "approvals:releaseEarlier (FOREWARN_APPROVALS__RELEASEEARLIER) is 'on' or 'off'.")]
    public string ReleaseEarlier { get; set; } = "on";

    [RegularExpression(OnOff, ErrorMessage = "approvals:partnerRemoval (FOREWARN_APPROVALS__PARTNERREMOVAL) is 'on' or 'off'.")]
    public string PartnerRemoval { get; set; } = "on";

    [RegularExpression(OnOff, ErrorMessage = "approvals:staffWriteKey (FOREWARN_APPROVALS__STAFFWRITEKEY) is 'on' or 'off'.")]
    public string StaffWriteKey { get; set; } = "on";

    [RegularExpression(OnOff, ErrorMessage = "approvals:sanctionLift (FOREWARN_APPROVALS__SANCTIONLIFT) is 'on' or 'off'.")]
    public string SanctionLift { get; set; } = "on";

    [RegularExpression(OnOff, ErrorMessage = "approvals:writeRoleInvitation (FOREWARN_APPROVALS__WRITEROLEINVITATION) is 'on' or 'off'.")]
    public string WriteRoleInvitation { get; set; } = "on";
}
