using Forewarn.Domain.Common;

namespace Forewarn.Domain.Approvals;

public enum ProposalState
{
    /// <summary>Waiting for a second staff member, until it expires.</summary>
    Pending,
    /// <summary>A second member approved it; the change was made (or, for a key, awaits its member).</summary>
    Approved,
    /// <summary>A second member rejected it; nothing changed.</summary>
    Rejected,
    /// <summary>Nobody approved it in time; nothing changed.</summary>
    Expired,
}

/// <summary>
/// One staff member acting with one credential, as a proposal records them: <paramref name="Key"/> is the
/// API key's id, or the portal user's id when they acted in the portal (<paramref name="Name"/> then reads
/// <c>portal-user:&lt;id&gt;</c>). Four eyes count members, never credentials.
/// </summary>
public sealed record StaffSignature(StaffMemberId Member, Guid Key, string Name);

/// <summary>
/// A change that needs four eyes, waiting for them: what one staff member asked for (the request
/// as the API received it, run by the feature's own service at approval), until when it may be
/// approved, and how it was decided. A different member — not merely a different key — approves
/// or rejects it; it expires unapproved at <see cref="ExpiresAt"/>: the approval window, or the
/// proposed time itself when that comes first, so an approval never comes too late for what it approves.
/// </summary>
public sealed class Proposal
{
    private Proposal() { }

    public Guid Id { get; private set; }
    public GatedAction Action { get; private set; }
    /// <summary>The id of what the change is to (an advisory, a partner, a staff member); null for the policy.</summary>
    public string? Subject { get; private set; }
    /// <summary>One sentence for the people deciding: what would change.</summary>
    public string Summary { get; private set; } = "";
    /// <summary>The request as proposed (JSON), run unchanged at approval.</summary>
    public string Request { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    /// <summary>When the proposer wants the change to take effect; null for "at approval".</summary>
    public DateTimeOffset? EffectiveAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public StaffMemberId ProposerMember { get; private set; }
    public Guid ProposerKey { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public ProposalState State { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public StaffMemberId? DeciderMember { get; private set; }
    public Guid? DeciderKey { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>When the approved change was made (for a key: when its member collected it).</summary>
    public DateTimeOffset? AppliedAt { get; private set; }
    /// <summary>Where the change's result is (the API path of the version, wave, key, …).</summary>
    public string? Outcome { get; private set; }

    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Opens a proposal. A proposed time that is not in the future means "at approval"; a future
    /// one bounds the window, so the proposal expires rather than be approved after its time.
    /// </summary>
    public static Proposal Open(GatedAction action, string? subject, string summary, string request, DateTimeOffset? effectiveAt,
        StaffSignature proposer, DateTimeOffset now, TimeSpan window)
    {
        if (window < MinWindow || window > MaxWindow)
            throw new ArgumentOutOfRangeException(nameof(window), window, "The approval window is from five minutes to thirty days.");
        var effective = effectiveAt is { } at && at > now ? at.ToUniversalTime() : (DateTimeOffset?)null;
        var expires = now + window;
        if (effective is { } e && e < expires) expires = e;
        return new Proposal
        {
            Id = Guid.CreateVersion7(),
            Action = action,
            Subject = subject,
            Summary = TextRules.Required(summary, "summary of the change", 1000, TextShape.Prose),
            Request = request,
            ProposedAt = now,
            EffectiveAt = effective,
            ExpiresAt = expires,
            ProposerMember = proposer.Member,
            ProposerKey = proposer.Key,
            ProposedBy = proposer.Name,
            State = ProposalState.Pending,
        };
    }

    /// <summary>The state at <paramref name="now"/>: a pending proposal past its time is expired, whether or not that was recorded yet.</summary>
    public ProposalState StateAt(DateTimeOffset now) =>
        State == ProposalState.Pending && now >= ExpiresAt ? ProposalState.Expired : State;

    /// <summary>Records the second member's approval; refused to the proposer (with any key), after expiry, or once decided.</summary>
    public void Approve(StaffSignature approver, DateTimeOffset now)
    {
        EnsureDecidable(approver, now, "approve");
        Decide(ProposalState.Approved, approver, now, null);
    }

    /// <summary>Records the second member's rejection, with the reason; nothing of the change is made.</summary>
    public void Reject(StaffSignature rejecter, string? reason, DateTimeOffset now)
    {
        EnsureDecidable(rejecter, now, "reject");
        Decide(ProposalState.Rejected, rejecter, now, TextRules.Required(reason, "reason for rejecting", 500, TextShape.Prose));
    }

    /// <summary>Records that nobody approved it in time.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (StateAt(now) != ProposalState.Expired || State != ProposalState.Pending)
            throw new ConflictException("proposal-not-expired", $"Proposal {Id} is {StateAt(now).ToString().ToLowerInvariant()}, not due to expire.");
        State = ProposalState.Expired;
        DecidedAt = ExpiresAt;
    }

    /// <summary>The approved change was made; <paramref name="outcome"/> says where its result is.</summary>
    public void MarkApplied(DateTimeOffset now, string? outcome)
    {
        if (State != ProposalState.Approved)
            throw new ConflictException("proposal-not-approved", $"Proposal {Id} is not approved.");
        if (AppliedAt is not null)
            throw new ConflictException("proposal-applied", $"Proposal {Id} was already carried out at {Moments.Show(AppliedAt.Value)}.");
        AppliedAt = now;
        Outcome = outcome;
    }

    /// <summary>
    /// The four-eyes rule itself: the decider is a different staff member from the proposer, and
    /// the proposal is still pending and within its time.
    /// </summary>
    public void EnsureDecidable(StaffSignature decider, DateTimeOffset now, string verb)
    {
        if (decider.Member == ProposerMember)
            throw new DomainException("same-member",
                $"{ProposedBy} proposed this change; another staff member must {verb} it (another key of the same member does not count).",
                ErrorCategory.Forbidden);
        switch (StateAt(now))
        {
            case ProposalState.Expired:
                throw new ConflictException("proposal-expired",
                    $"The proposal expired unapproved at {Moments.Show(ExpiresAt)}; nothing was changed. Propose it again if it is still wanted.");
            case ProposalState.Approved or ProposalState.Rejected:
                throw new ConflictException("proposal-decided",
                    $"The proposal was already {State.ToString().ToLowerInvariant()} by {DecidedBy} at {Moments.Show(DecidedAt!.Value)}.");
        }
    }

    private void Decide(ProposalState state, StaffSignature decider, DateTimeOffset now, string? reason)
    {
        State = state;
        DecidedAt = now;
        DeciderMember = decider.Member;
        DeciderKey = decider.Key;
        DecidedBy = decider.Name;
        Reason = reason;
    }
}
