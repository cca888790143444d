using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
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
            if (proposal.Action != GatedAction.StaffWriteKey)
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
    public async Task<IssuedApiKey> CollectKeyAsync(Guid id, Actor collector, CancellationToken ct)
    {
        var member = collector.Signature().Member;
        IssuedApiKey? issued = null;
        await DecideOnceAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var proposal = await TrackedAsync(id, ct);
            var now = clock.GetUtcNow();
            if (proposal.Action != GatedAction.StaffWriteKey)
                throw new ConflictException("not-a-key", $"Proposal {id} is not a staff key ({proposal.Action.Name()}); there is nothing to collect.");
            if (proposal.Subject != member.ToString())
                throw new DomainException("not-the-keys-member", "Only the staff member the key is for may collect it.", ErrorCategory.Forbidden);
            if (proposal.StateAt(now) != ProposalState.Approved)
                throw new ConflictException("proposal-not-approved", $"The key's proposal is {proposal.StateAt(now).ToString().ToLowerInvariant()}; it can be collected once approved.");
            if (proposal.AppliedAt is { } collected)
                throw new ConflictException("key-collected", $"The key was collected at {Moments.Show(collected)}; a token is shown once. Revoke it and propose a new one if it was lost.");
            if (now >= proposal.DecidedAt!.Value + settings.Window)
                throw new ConflictException("key-not-collected-in-time",
                    $"The key was approved at {Moments.Show(proposal.DecidedAt.Value)} and not collected within {Moments.Show(settings.Window)}; propose it again.");
            var request = changes.Request<NewKey>(proposal);
            var made = (await keys.IssueAsync(request, collector with { Approval = ApprovedProposal.Of(proposal) }, ct)).Made
                       ?? throw new InvalidOperationException("An approved key was proposed again instead of being issued.");
            proposal.MarkApplied(now, $"/api/v1/keys/{made.Key.Id}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            issued = made;
            return proposal;
        });
        return issued!;
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
