using System.Collections.Concurrent;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>What a portal request checks about its user: the security stamp, the partner, whether disabled.</summary>
public sealed record SessionUser(string? SecurityStamp, PartnerId? PartnerId, DateTimeOffset? DisabledAt);

/// <summary>
/// Keeps the <see cref="SessionUser"/> of each user who made a portal request under the current
/// accounts generation (<see cref="AccountsGeneration"/>). Every request reads the token (one
/// prepared statement) and starts afresh when it moved — so a user disabled, re-keyed or deleted by
/// any server on the same store counts on the very next request, without a user query per page
/// (the token comes with the facts token, in one read: <see cref="Entitlements.RequestFacts"/>).
/// </summary>
public sealed class SessionUsers
{
    private sealed record Snapshot(string Generation)
    {
        public ConcurrentDictionary<Guid, SessionUser?> Users { get; } = new();
    }

    private Snapshot? _current;

    /// <summary>The user's session facts under <paramref name="generation"/>, the accounts token this request read.</summary>
    public async Task<SessionUser?> FindAsync(Guid id, string generation, ForewarnDb db, CancellationToken ct)
    {
        // The token is read before the user: what is kept under it is never older than the token.
        var snapshot = Volatile.Read(ref _current);
        if (snapshot?.Generation != generation)
        {
            snapshot = new Snapshot(generation);
            Volatile.Write(ref _current, snapshot);
        }
        if (snapshot.Users.TryGetValue(id, out var known)) return known;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SessionUser(u.SecurityStamp, u.PartnerId, u.DisabledAt)).FirstOrDefaultAsync(ct);
        snapshot.Users.TryAdd(id, user);
        return user;
    }
}
