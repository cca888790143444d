using System.Threading.Channels;
using Forewarn.Domain.Transparency;
using Forewarn.Server.Hosting;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The one way into the transparency log. Callers hand an event to <see cref="AppendAsync"/> and
/// wait until it is durable; a single sequencer takes everything waiting, commits it as one batch
/// with the nodes it completes and a signed checkpoint (group commit: under load many requests
/// share one transaction), then answers each caller with its index and inclusion proof. Across
/// servers the store's lock keeps one writer at a time (<see cref="LogStore"/>).
/// </summary>
public sealed class TransparencyLog(IServiceScopeFactory scopes, LogKey key, TimeProvider clock, ILogger<TransparencyLog> log)
    : BackgroundService, ILogAppender
{
    /// <summary>At most this many entries share a transaction.</summary>
    public const int MaxBatch = 4096;

    private sealed record Pending(LogEvent Event, TaskCompletionSource<LoggedEntry> Done);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private MerkleFrontier? edge;

    /// <summary>Appends an event and returns once it is durable, with its index and a receipt's parts.</summary>
    public Task<LoggedEntry> AppendAsync(LogEvent logged, CancellationToken ct)
    {
        var pending = new Pending(logged, new TaskCompletionSource<LoggedEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new LogUnavailableException("the server is stopping");
        // A caller that stops waiting does not take its entry back: it may already be committed.
        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        queue.Writer.TryComplete();
        foreach (var left in batch.Concat(Drain())) left.Done.TrySetException(new LogUnavailableException("the server is stopping"));
    }

    private IEnumerable<Pending> Drain()
    {
        while (queue.Reader.TryRead(out var p)) yield return p;
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            var signer = await key.GetAsync(ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            var done = await LogStore.AppendAsync(db, [.. batch.Select(p => p.Event)], edge,
                (size, root) => LogKey.Sign(signer, size, root), clock.GetUtcNow(), ct);
            edge = done.Edge;
            Telemetry.LogAppends.Add(batch.Count);
            Telemetry.LogBatch.Record(batch.Count);
            var proofs = await ProofsAsync(db, done, batch.Count, ct);
            // The batch's leaf hashes are its level-0 nodes, in order: no need to hash the entries again.
            var leaves = done.Made.Where(n => n.Level == 0).Select(n => n.Hash).ToList();
            for (var i = 0; i < batch.Count; i++)
            {
                var index = done.FirstIndex + i;
                batch[i].Done.TrySetResult(new LoggedEntry(index, batch[i].Event.Body, leaves[i],
                    done.Checkpoint.Size, done.Checkpoint.Note, proofs[i]));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            edge = null;
            log.LogError(e, "Appending {Count} entries to the transparency log failed; their requests are refused", batch.Count);
            foreach (var p in batch) p.Done.TrySetException(new LogUnavailableException("the log could not be written"));
        }
    }

    /// <summary>
    /// Inclusion proofs of the batch's entries against its checkpoint. Every node such a proof
    /// needs is on the edge before the batch or was made by it, so they come from memory
    /// (and from the store, should one ever be missing).
    /// </summary>
    private static async Task<List<byte[]>[]> ProofsAsync(ForewarnDb db, AppendedBatch done, int count, CancellationToken ct)
    {
        var size = done.Checkpoint.Size;
        var proofs = new List<byte[]>[count];
        var known = new Dictionary<(int, long), byte[]>();
        foreach (var n in done.EdgeBefore) known[(n.Level, n.Index)] = n.Hash;
        foreach (var n in done.Made) known[(n.Level, n.Index)] = n.Hash;
        try
        {
            // The batch's proofs share most of their ranges (above all the incomplete ones on the right
            // edge, which cost hashing): each range is computed once per batch.
            var nodes = MerkleFrontier.FromNodes((level, index) => known[(level, index)]);
            var ranges = new Dictionary<(long, long), byte[]>();
            byte[] Hash(long start, long end) =>
                ranges.TryGetValue((start, end), out var cached) ? cached : ranges[(start, end)] = nodes(start, end);
            for (var i = 0; i < count; i++) proofs[i] = MerkleTree.InclusionProof(done.FirstIndex + i, size, Hash);
            return proofs;
        }
        catch (KeyNotFoundException)
        {
        }
        for (var i = 0; i < count; i++)
        {
            var index = done.FirstIndex + i;
            proofs[i] = await LogStore.WithNodesAsync(db, hash => MerkleTree.InclusionProof(index, size, hash), ct);
        }
        return proofs;
    }

}

/// <summary>The log could not take an entry; whatever it was for must not happen.</summary>
public sealed class LogUnavailableException(string reason) : Exception($"The transparency log is unavailable: {reason}.");
