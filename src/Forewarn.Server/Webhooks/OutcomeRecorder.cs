using System.Threading.Channels;
using Forewarn.Domain.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// Records what each send came to, many sends per transaction (group commit): the first send to
/// finish while nobody is writing becomes the writer and takes everything queued by then — up to
/// a batch — into one unit of work; sends finishing meanwhile wait for the next batch. A send's
/// task completes only when its outcome is durable (or given up), so a sender that drains its
/// sends has recorded them. An outcome is applied only while this sender still holds the claim:
/// if the lease ran out and another sender took the delivery, the other sender's outcome wins.
/// </summary>
internal sealed class OutcomeRecorder(IServiceScopeFactory scopes, string sender, WebhookSettings settings,
    SemaphoreSlim writes, ILogger log)
{
    private readonly Channel<Outcome> queue = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
    private int writing;

    private sealed record Outcome(string Id, int? Status, string? Error, DateTimeOffset At, TaskCompletionSource Done);

    public Task RecordAsync(string id, int? status, string? error, DateTimeOffset at)
    {
        var outcome = new Outcome(id, status, error, at, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Writer.TryWrite(outcome);
        StartWriterIfIdle();
        return outcome.Done.Task;
    }

    private void StartWriterIfIdle()
    {
        if (Interlocked.CompareExchange(ref writing, 1, 0) == 0) _ = Task.Run(WriteAllAsync);
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            var batch = new List<Outcome>();
            while (batch.Count < settings.BatchSize && queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref writing, 0);
                // An outcome queued after the last read and before the flag dropped needs a writer.
                if (queue.Reader.Count > 0) StartWriterIfIdle();
                return;
            }
            await WriteWithRetriesAsync(batch);
            foreach (var outcome in batch) outcome.Done.TrySetResult();
        }
    }

    // A busy store (another process writing the same moment) must not turn a sent delivery into a resend.
    private async Task WriteWithRetriesAsync(List<Outcome> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch);
                return;
            }
            catch (Exception e) when (attempt < 8 && e is DbUpdateException or System.Data.Common.DbException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt));
            }
            catch (Exception e)
            {
                log.LogError(e, "Could not record the outcome of {Count} webhook sends; their claims will run out and they are sent again", batch.Count);
                return;
            }
        }
    }

    private async Task WriteAsync(List<Outcome> batch)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var failures = batch.Where(o => o.Error is not null).ToList();
        var ids = failures.Select(o => o.Id).ToList();
        var rows = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
        foreach (var outcome in failures)
        {
            // Gone, or the lease ran out and another sender took it over.
            if (!rows.TryGetValue(outcome.Id, out var row) || row.ClaimedBy != sender) continue;
            row.Failed(outcome.Status, outcome.Error!, outcome.At, settings.Retry, Random.Shared.NextDouble());
            if (row.State == DeliveryState.Dead)
                log.LogWarning("Webhook {Id} to endpoint {Endpoint} is dead-lettered after {Attempts} attempts: {Error}",
                    row.Id, row.EndpointId, row.Attempts, outcome.Error);
        }
        await writes.WaitAsync();
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                foreach (var delivered in batch.Where(o => o.Error is null).GroupBy(o => o.Status ?? 200))
                    await MarkDeliveredAsync(db, [.. delivered.Select(o => o.Id)], delivered.Key, delivered.Max(o => o.At));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            });
        }
        finally
        {
            writes.Release();
        }
        log.LogDebug("Recorded {Count} webhook outcomes in {Ms} ms", batch.Count, watch.ElapsedMilliseconds);
        // Failures stay pending for a later attempt: the commit woke the sender to reckon its next wait (ChangeFollowUp).
    }

    /// <summary>
    /// Successes in one statement: the same change as <see cref="WebhookDelivery.Succeeded"/>, for
    /// the rows this sender still holds. The time is that of the batch's last answer (milliseconds apart).
    /// </summary>
    private Task<int> MarkDeliveredAsync(ForewarnDb db, List<string> ids, int status, DateTimeOffset at) =>
        db.WebhookDeliveries
            .Where(d => ids.Contains(d.Id) && d.ClaimedBy == sender && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.State, DeliveryState.Delivered)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.DeliveredAt, at)
                .SetProperty(d => d.LastStatus, status)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null));
}
