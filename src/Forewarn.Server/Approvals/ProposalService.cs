using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Invitations;
using Forewarn.Server.Keys;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Approvals;

/// <summary>
/// The second pair of eyes: list proposals, approve one (the change is made in the same
/// transaction, by the feature's own service), reject one, and — for a staff write key — let the
/// member it is for collect it. Deciding is a conditional update of a still-pending proposal, so
/// when two servers approve at once, one carries the change out and the other is refused.
/// </summary>
public sealed class ProposalService(ForewarnDb db, TimeProvider clock, ApprovedChanges changes, KeyService keys, ApprovalSettings settings)
{
    public async Task<IReadOnlyList<Proposal>> ListAsync(string? state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wanted = state?.Trim().ToLowerInvariant() switch
        {
            null or "" or "pending" => ProposalState.Pending,
            "approved" => ProposalState.Approved,
            "rejected" => ProposalState.Rejected,
            "expired" => ProposalState.Expired,
            "all" => (ProposalState?)null,
            _ => throw new DomainException("unknown-state", $"'{state}' is not a proposal state; use pending, approved, rejected, expired or all."),
        };
        var all = await db.Proposals.AsNoTracking().ToListAsync(ct);
        return [.. all.Where(p => wanted is null || p.StateAt(now) == wanted).OrderByDescending(p => p.ProposedAt)];
    }

    public async Task<Proposal> FindAsync(Guid id, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("proposal", id.ToString());

    /// <summary>
    /// Approves and carries out the change, as one transaction: if the change is refused now (the
    /// advisory was withdrawn meanwhile, say), nothing is recorded and the proposal stays pending.
    /// </summary>
    public async Task<Proposal> ApproveAsync(Guid id, Actor approver, CancellationToken ct)
    {
        var signature = approver.Signature();
        return await DecideOnceAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var proposal = await TrackedAsync(id, ct);
            var now = clock.GetUtcNow();
            proposal.Approve(signature, now);
            db.Stage(LogEvents.ChangeApproved(proposal, approver));
            await db.SaveChangesAsync(ct);
            if (!proposal.Action.IsCollected())
            {
                var outcome = await changes.ApplyAsync(proposal, approver, ct);
                proposal.MarkApplied(now, outcome);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return proposal;
        });
    }

    /// <summary>Rejects it, with the reason: nothing of the change is made.</summary>
    public async Task<Proposal> RejectAsync(Guid id, string? reason, Actor rejecter, CancellationToken ct)
    {
        var signature = rejecter.Signature();
        return await DecideOnceAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var proposal = await TrackedAsync(id, ct);
            proposal.Reject(signature, reason, clock.GetUtcNow());
            db.Stage(LogEvents.ChangeRejected(proposal, rejecter));
            await db.SaveChangesAsync(ct);
            return proposal;
        });
    }

    /// <summary>
    /// The member an approved staff write key is for collects it: the key is issued now, by the key
    /// service, and its token is in this answer only. Nobody else may collect it — not the proposer
    /// nor the approver (unless the key is theirs) — and only once, within the approval window.
    /// </summary>
    public Task<IssuedApiKey> CollectKeyAsync(Guid id, Actor collector, CancellationToken ct) =>
        CollectAsync(id, GatedAction.StaffWriteKey, collector,
            p => CollectorOf(p) == collector.Signature().Member
                ? null
                : new DomainException("not-the-keys-member", "Only the staff member the key is for may collect it.", ErrorCategory.Forbidden),
            async (p, actor) =>
            {
                var made = (await keys.IssueAsync(changes.Request<NewKey>(p), actor, ct)).Made
                           ?? throw new InvalidOperationException("An approved key was proposed again instead of being issued.");
                return (made, $"/api/v1/keys/{made.Key.Id}");
            }, ct);

    /// <summary>
    /// The proposer of an approved invitation to a role that can write collects it: the invitation is
    /// made now, and its one-time link is in this answer only. Not the approver, nobody else; once, within the approval window.
    /// </summary>
    public Task<IssuedInvitation> CollectInvitationAsync(Guid id, Actor collector, CancellationToken ct) =>
        CollectAsync(id, GatedAction.WriteRoleInvitation, collector,
            p => CollectorOf(p) == collector.Signature().Member
                ? null
                : new DomainException("not-the-proposer", "Only the staff member who proposed the invitation may collect its link.", ErrorCategory.Forbidden),
            async (p, actor) =>
            {
                var made = await changes.InviteAsync(p, actor, ct);
                return (made, $"/api/v1/invitations/{made.Invitation.Id}");
            }, ct);

    /// <summary>Who collects an approved proposal: a staff key's own member, an invitation's proposer; nobody for a change made at approval.</summary>
    public static StaffMemberId? CollectorOf(Proposal p) => p.Action switch
    {
        GatedAction.StaffWriteKey => StaffMemberId.TryParse(p.Subject, out var member) ? member : null,
        GatedAction.WriteRoleInvitation => p.ProposerMember,
        _ => null,
    };

    /// <summary>
    /// Carries out an approved proposal that one person collects: who may (<paramref name="refusal"/> says why not),
    /// once, within the approval window after the approval; the change is made as the collector, with the approval on it.
    /// </summary>
    private async Task<T> CollectAsync<T>(Guid id, GatedAction action, Actor collector, Func<Proposal, DomainException?> refusal,
        Func<Proposal, Actor, Task<(T Made, string Outcome)>> make, CancellationToken ct) where T : class
    {
        T? made = null;
        await DecideOnceAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var proposal = await TrackedAsync(id, ct);
            var now = clock.GetUtcNow();
            var what = action == GatedAction.StaffWriteKey ? "key" : "invitation";
            if (proposal.Action != action)
                throw new ConflictException(action == GatedAction.StaffWriteKey ? "not-a-key" : "not-an-invitation",
                    $"Proposal {id} is not a {action.Name()} ({proposal.Action.Name()}); there is nothing to collect here.");
            if (refusal(proposal) is { } refused) throw refused;
            if (proposal.StateAt(now) != ProposalState.Approved)
                throw new ConflictException("proposal-not-approved", $"The {what}'s proposal is {proposal.StateAt(now).ToString().ToLowerInvariant()}; it can be collected once approved.");
            if (proposal.AppliedAt is { } collected)
                throw new ConflictException($"{what}-collected",
                    $"The {what} was collected at {Moments.Show(collected)}; its secret is shown once. Revoke it and propose a new one if it was lost.");
            if (now >= proposal.DecidedAt!.Value + settings.Window)
                throw new ConflictException($"{what}-not-collected-in-time",
                    $"The {what} was approved at {Moments.Show(proposal.DecidedAt.Value)} and not collected within {Moments.Show(settings.Window)}; propose it again.");
            var (result, outcome) = await make(proposal, collector with { Approval = ApprovedProposal.Of(proposal) });
            proposal.MarkApplied(now, outcome);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            made = result;
            return proposal;
        });
        return made!;
    }

    private async Task<Proposal> TrackedAsync(Guid id, CancellationToken ct) =>
        await db.Proposals.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("proposal", id.ToString());

    /// <summary>Runs a decision in the store's execution strategy; a decision another server made first is a conflict, not a second change.</summary>
    private async Task<Proposal> DecideOnceAsync(Func<Task<Proposal>> decide)
    {
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(decide);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("proposal-decided", "Another staff member decided this proposal at the same moment; it was carried out once, by them.");
        }
    }
}
