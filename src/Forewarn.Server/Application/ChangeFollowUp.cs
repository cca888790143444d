using System.Data.Common;
using System.Runtime.CompilerServices;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Mail;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Mail;
using Forewarn.Server.Publishing;
using Forewarn.Server.Review;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Application;

/// <summary>
/// What follows every committed change, in one place instead of at each call site: the jobs the
/// change concerns are woken (the release scheduler for advisories and waves, the webhook sender
/// for new deliveries) and, when log entries were staged with the change, the caller waits until
/// they are in the tree — so an answer, and a read of the log right after it, sees them. Inside an
/// explicit transaction all of it waits for the commit; a rollback drops it. The wait for the log
/// never holds a database connection: a plain save has closed its connection by then, and after
/// an explicit transaction's commit the wait happens once the transaction has let its connection go
/// — else a few waiters could hold every pooled connection while the log's sequencer waits for one.
/// </summary>
public sealed class ChangeFollowUp(ReleaseSignal releases, DeliverySignal deliveries, ContractSignal contracts, MailSignal mail, ILogAppender log)
    : SaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private sealed class Due
    {
        public bool Log, Releases, Deliveries, Contracts, Mail;
    }

    private readonly ConditionalWeakTable<DbContext, Due> due = [];

    // Committed in an explicit transaction, its entries waited for once the connection is closed.
    private readonly ConditionalWeakTable<DbContext, Due> awaitingClose = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Note(db);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Note(db);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) Drop(db);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null) await FollowAsync(db, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // A synchronous save cannot wait for the log; its staged entries go in with the next batch.
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null) Wake(Take(db));
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        // Inside a transaction too: the unit failed, and whoever runs it again notes its changes again.
        if (eventData.Context is { } db) Drop(db);
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return Task.CompletedTask;
        var d = Take(db);
        Wake(d);
        // The transaction still holds its connection here: wait for the log when it has let it go.
        if (d is { Log: true }) awaitingClose.AddOrUpdate(db, d);
        return Task.CompletedTask;
    }

    public async Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is { } db && awaitingClose.TryGetValue(db, out _))
        {
            awaitingClose.Remove(db);
            await WaitForLogAsync(CancellationToken.None);
        }
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData)
    {
        // A synchronous close cannot wait: the staged entries go in with the next batch.
        if (eventData.Context is { } db) awaitingClose.Remove(db);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) Wake(Take(db));
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Drop(db);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) Drop(db);
    }

    private void Note(DbContext db)
    {
        // Outside a transaction each save is its own unit; inside one, the saves add up until the commit.
        if (db.Database.CurrentTransaction is null) due.Remove(db);
        var d = due.GetValue(db, _ => new Due());
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (e.Entity)
            {
                case PendingLogEntry when e.State == EntityState.Added:
                    d.Log = true;
                    break;
                case Advisory or Wave or Artifact:
                    d.Releases = true;
                    break;
                case Partner:
                    d.Contracts = true;
                    break;
                case WebhookDelivery w when e.State == EntityState.Added || w.State == DeliveryState.Pending:
                    d.Deliveries = true;
                    break;
                case MailMessage when e.State == EntityState.Added:
                    d.Mail = true;
                    break;
            }
        }
    }

    private Due? Take(DbContext db)
    {
        // Rows written in bulk beside the change tracker (a release's deliveries to every partner).
        var bulk = db is ForewarnDb store ? store.TakeAddedInBulk() : new HashSet<Type>();
        if (!due.TryGetValue(db, out var d))
        {
            if (bulk.Count == 0) return null;
            d = new Due();
        }
        due.Remove(db);
        if (bulk.Contains(typeof(WebhookDelivery))) d.Deliveries = true;
        if (bulk.Contains(typeof(MailMessage))) d.Mail = true;
        return d;
    }

    private void Drop(DbContext db)
    {
        due.Remove(db);
        if (db is ForewarnDb store) store.TakeAddedInBulk();
    }

    private void Wake(Due? d)
    {
        if (d is null) return;
        if (d.Releases) releases.Poke();
        if (d.Deliveries) deliveries.Poke();
        if (d.Contracts) contracts.Poke();
        if (d.Mail) mail.Poke();
    }

    private async Task FollowAsync(DbContext db, CancellationToken ct)
    {
        var d = Take(db);
        Wake(d);
        if (d is { Log: true }) await WaitForLogAsync(ct);
    }

    private async Task WaitForLogAsync(CancellationToken ct)
    {
        try
        {
            await log.FlushAsync(ct);
        }
        catch (LogUnavailableException)
        {
            // The entries were committed with the change and stay staged: the next batch takes them in.
        }
    }
}
