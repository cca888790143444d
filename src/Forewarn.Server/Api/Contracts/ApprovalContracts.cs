using System.Text.Json.Nodes;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Staff;

namespace Forewarn.Server.Api.Contracts;

/// <summary>
/// A change waiting for (or decided by) a second staff member. <c>Request</c> is what will be run
/// at approval; <c>Outcome</c> the API path of what the approved change made.
/// </summary>
public sealed record ProposalDto(Guid Id, string Action, string State, string Summary, string? Subject, JsonNode? Request,
    DateTimeOffset ProposedAt, string ProposedBy, Guid ProposedByMember, DateTimeOffset? EffectiveAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? DecidedAt, string? DecidedBy, Guid? DecidedByMember, string? Reason, DateTimeOffset? AppliedAt, string? Outcome)
{
    public static ProposalDto From(Proposal p, DateTimeOffset now) => new(p.Id, p.Action.Name(), p.StateAt(now).ToString().ToLowerInvariant(),
        p.Summary, p.Subject, JsonNode.Parse(p.Request), p.ProposedAt, p.ProposedBy, p.ProposerMember.Value, p.EffectiveAt, p.ExpiresAt,
        p.DecidedAt, p.DecidedBy, p.DeciderMember?.Value, p.Reason, p.AppliedAt, p.Outcome);
}

/// <summary>A change to this item that waits for a second staff member, as the item's own view lists it.</summary>
public sealed record PendingChangeDto(Guid Proposal, string Action, string Summary, string ProposedBy, DateTimeOffset ProposedAt,
    DateTimeOffset? EffectiveAt, DateTimeOffset ExpiresAt)
{
    public static PendingChangeDto From(Proposal p) =>
        new(p.Id, p.Action.Name(), p.Summary, p.ProposedBy, p.ProposedAt, p.EffectiveAt, p.ExpiresAt);
}

public sealed record Rejection(string? Reason);

/// <summary>A staff member; <c>Pending</c>: write keys proposed for them that wait for approval.</summary>
public sealed record StaffMemberDto(Guid Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<PendingChangeDto> Pending)
{
    public static StaffMemberDto From(StaffMember m, IReadOnlyList<PendingChangeDto>? pending = null) =>
        new(m.Id.Value, m.Name, m.CreatedAt, m.CreatedBy, pending ?? []);
}

public sealed record NewStaffMember(string? Name);
