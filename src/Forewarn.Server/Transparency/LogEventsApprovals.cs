using System.Text.Json.Nodes;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Staff;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of four eyes: a proposal (with the request in full, so what was approved can be checked
/// against what was asked), its approval, rejection or expiry; and the staff members who take part.
/// </summary>
public static partial class LogEvents
{
    public static LogEvent ChangeProposed(Proposal p, Actor proposer) =>
        LogEvent.Of(LogKinds.ChangeProposed, p.ProposedAt, null, null,
        [
            .. ProposalFields(p),
            Field("summary", p.Summary),
            Field("request", PublicRequest(p)),
            Field("effective_at", Time(p.EffectiveAt)),
            Field("expires_at", LogEvent.Time(p.ExpiresAt)),
            .. By(proposer),
        ]);

    public static LogEvent ChangeApproved(Proposal p, Actor approver) =>
        LogEvent.Of(LogKinds.ChangeApproved, p.DecidedAt ?? throw new ArgumentException("The proposal is not decided.", nameof(p)), null, null,
            [.. ProposalFields(p), .. Proposer(p), .. By(approver)]);

    public static LogEvent ChangeRejected(Proposal p, Actor rejecter) =>
        LogEvent.Of(LogKinds.ChangeRejected, p.DecidedAt ?? throw new ArgumentException("The proposal is not decided.", nameof(p)), null, null,
            [.. ProposalFields(p), .. Proposer(p), Field("reason", p.Reason), .. By(rejecter)]);

    public static LogEvent ChangeExpired(Proposal p) =>
        LogEvent.Of(LogKinds.ChangeExpired, p.ExpiresAt, null, null,
            [.. ProposalFields(p), .. Proposer(p), Field("expires_at", LogEvent.Time(p.ExpiresAt)), Field("actor", Scheduler)]);

    public static LogEvent StaffMemberAdded(StaffMember member, Actor actor) =>
        LogEvent.Of(LogKinds.StaffMemberAdded, member.CreatedAt, null, null,
            [Field("member", member.Id.ToString()), Field("name", member.Name), .. By(actor)]);

    /// <summary>The request as the log may show it: an invitation's e-mail address stays in the store (log entries never hold one).</summary>
    private static JsonNode? PublicRequest(Proposal p)
    {
        var request = JsonNode.Parse(p.Request);
        if (p.Action == GatedAction.WriteRoleInvitation && request is JsonObject invitation) invitation.Remove("email");
        return request;
    }

    private static KeyValuePair<string, JsonNode?>[] ProposalFields(Proposal p) =>
        [Field("proposal", p.Id.ToString()), Field("action", p.Action.Name()), Field("subject", p.Subject)];

    private static KeyValuePair<string, JsonNode?>[] Proposer(Proposal p) =>
    [
        Field("proposed_by", p.ProposedBy),
        Field("proposed_by_key", p.ProposerKey.ToString()),
        Field("proposed_by_member", p.ProposerMember.ToString()),
    ];
}
