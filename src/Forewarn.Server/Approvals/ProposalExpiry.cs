using Forewarn.Domain.Approvals;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Approvals;

/// <summary>
/// Records proposals whose time passed unapproved as expired, each with its log entry. A pending
/// proposal past its time is expired whether or not this has run yet (its state is read against
/// the clock, and an approval is refused); this job makes it visible in the store and the log.
/// It sleeps until the next proposal's time, a poke, or at most a minute (other servers' proposals).
/// With several servers, recording is conditional on the proposal still pending, so one records it.
/// </summary>
public sealed class ProposalExpiry(IServiceScopeFactory scopes, ProposalSignal signal, TimeProvider clock, ILogger<ProposalExpiry> log)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next = null;
            try
            {
                next = await ExpireDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be briefly unavailable: what is due stays due, and the next pass retries.
                log.LogError(e, "Recording expired proposals failed; retrying");
            }
            var deadline = clock.GetUtcNow() + Poll;
            if (next is { } n && n < deadline) deadline = n;
            try
            {
                await signal.WaitUntilAsync(deadline, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Records the proposals due at <paramref name="now"/> as expired; returns when the next pending one is due.</summary>
    public async Task<DateTimeOffset?> ExpireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var due = await db.Proposals.Where(p => p.State == ProposalState.Pending && p.ExpiresAt <= now)
            .OrderBy(p => p.ExpiresAt).Take(Batch).ToListAsync(ct);
        foreach (var proposal in due)
        {
            proposal.Expire(now);
            db.Stage(LogEvents.ChangeExpired(proposal));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogDebug("Proposal {Proposal} was recorded or decided by another server", proposal.Id);
            }
            db.ChangeTracker.Clear();
        }
        if (due.Count == Batch) return now;
        return await db.Proposals.AsNoTracking().Where(p => p.State == ProposalState.Pending)
            .OrderBy(p => p.ExpiresAt).Select(p => (DateTimeOffset?)p.ExpiresAt).FirstOrDefaultAsync(ct);
    }
}
