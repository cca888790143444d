using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forewarn.Storage;

/// <summary>
/// Follows each commit that stamps a generation token on PostgreSQL (<see cref="PostgresGenerationWatch"/>):
/// before it, asks the watch to expect the tokens; after it, makes what this server kept stale and
/// waits until the tokens are heard back — so the change is known to every listening server before
/// the one that made it answers. Inside an explicit transaction the tokens of its saves add up
/// until the commit; a failed save or a rollback forgets them.
/// </summary>
internal sealed class GenerationEcho(PostgresGenerationWatch watch) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>How long a writer waits to hear its own notification before it answers anyway.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private sealed class Stamped
    {
        public readonly List<string> Tokens = [];
        public readonly List<Task> Expected = [];
    }

    private readonly ConditionalWeakTable<DbContext, Stamped> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Expect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Expect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null) await HeardAsync(db);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // A synchronous save does not wait: this server's kept tokens are stale at once, the others hear it shortly.
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null) Committed(db);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await HeardAsync(db);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) Committed(db);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Expect(DbContext? context)
    {
        if (context is not ForewarnDb db || db.StampedTokens.Count == 0) return;
        // Outside a transaction each save is its own unit; inside one, its saves add up until the commit.
        if (db.Database.CurrentTransaction is null) pending.Remove(db);
        var stamped = pending.GetValue(db, _ => new Stamped());
        stamped.Tokens.AddRange(db.StampedTokens);
        stamped.Expected.Add(watch.Expect(db.StampedTokens));
    }

    private Stamped? Take(DbContext db)
    {
        if (!pending.TryGetValue(db, out var stamped)) return null;
        pending.Remove(db);
        return stamped;
    }

    private async Task HeardAsync(DbContext db)
    {
        if (Take(db) is { } stamped) await watch.HeardAsync(stamped.Tokens, Task.WhenAll(stamped.Expected), Patience);
    }

    private void Committed(DbContext db)
    {
        if (Take(db) is { } stamped) _ = watch.HeardAsync(stamped.Tokens, Task.WhenAll(stamped.Expected), Patience);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && Take(context) is { } stamped) watch.Forget(stamped.Tokens);
    }
}
