using Forewarn.Domain.Approvals;
using Forewarn.Server.Api.Contracts;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Approvals;

/// <summary>The proposals still waiting for approval, shown where the change would be: on the advisory, the partner, the policy, the member.</summary>
public static class PendingChanges
{
    /// <summary>Pending proposals about <paramref name="subject"/> (an id; null for the policy), oldest first.</summary>
    public static async Task<IReadOnlyList<PendingChangeDto>> OfAsync(ForewarnDb db, string? subject, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.Proposals.AsNoTracking()
            .Where(p => p.State == ProposalState.Pending && p.Subject == subject && p.ExpiresAt > now)
            .ToListAsync(ct);
        return [.. pending.OrderBy(p => p.ProposedAt).Select(PendingChangeDto.From)];
    }
}
