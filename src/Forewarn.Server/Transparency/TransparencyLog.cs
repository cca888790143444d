using System.Threading.Channels;
using Forewarn.Domain.Common;
using Forewarn.Server.Hosting;
using Forewarn.Storage.Transparency;
using Forewarn.Storage;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Tree;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The one way into the transparency log. Callers hand an event to <see cref="AppendAsync"/> and
/// wait until it is durable; a single sequencer takes everything waiting, commits it as one batch
/// with the nodes it completes and a signed checkpoint (group commit: under load many requests
/// share one transaction), then answers each caller with its index and inclusion proof. Across
/// servers the store's lock keeps one writer at a time (<see cref="LogStore"/>).
/// </summary>
public sealed class TransparencyLog(IServiceScopeFactory scopes, LogKey key, LogSize sizes, TimeProvider clock, ILogger<TransparencyLog> log)
    : BackgroundService, ILogAppender
{
    /// <summary>At most this many entries share a transaction.</summary>
    public const int MaxBatch = 4096;

    // A pending request: an event to append, or (Event null) a wait for the staged entries to be taken in.
    private sealed record Pending(LogEvent? Event, TaskCompletionSource<LoggedEntry?> Done);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private MerkleFrontier? edge;
    private DateTimeOffset stagedLookedAt = DateTimeOffset.MinValue;

    /// <summary>Appends an event and returns once it is durable, with its index and a receipt's parts.</summary>
    public async Task<LoggedEntry> AppendAsync(LogEvent logged, CancellationToken ct) => (await EnqueueAsync(logged, ct))!;

    /// <inheritdoc />
    /// <remarks>From the sequencer's own work (its commit) there is nothing to wait for, and waiting would never end.</remarks>
    public Task FlushAsync(CancellationToken ct) => sequencing.Value ? Task.CompletedTask : EnqueueAsync(null, ct);

    // Set while the sequencer commits a batch, so nothing it triggers waits for the sequencer itself.
    private static readonly AsyncLocal<bool> sequencing = new();

    private Task<LoggedEntry?> EnqueueAsync(LogEvent? logged, CancellationToken ct)
    {
        var pending = new Pending(logged, new TaskCompletionSource<LoggedEntry?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new LogUnavailableException("the server is stopping");
        // A caller that stops waiting does not take its entry back: it may already be committed.
        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            // Entries staged by changes whose server stopped before the sequencer took them in.
            await CommitAsync(batch, stoppingToken);
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
        finally
        {
            // Whatever ended the sequencer — stopping, or a store error raised by a cancelled command
            // (SQLite reports an interrupted statement as its own error, not as a cancellation) —
            // nothing may be left waiting, and nothing may be queued after it.
            queue.Writer.TryComplete();
            foreach (var left in batch.Concat(Drain())) left.Done.TrySetException(new LogUnavailableException("the server is stopping"));
        }
    }

    private IEnumerable<Pending> Drain()
    {
        while (queue.Reader.TryRead(out var p)) yield return p;
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        sequencing.Value = true;
        try
        {
            var signer = await key.GetAsync(ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            var appends = batch.Where(p => p.Event is not null).ToList();
            // Staged entries are looked for when a change waits for them (a flush), at start-up, and at
            // least every second (a change whose server could not flush) — not on every content batch.
            var now = clock.GetUtcNow();
            var takeStaged = appends.Count < batch.Count || batch.Count == 0 || now - stagedLookedAt >= TimeSpan.FromSeconds(1);
            var done = await LogStore.AppendAsync(db, [.. appends.Select(p => p.Event!)], edge,
                (size, root) => LogKey.Sign(signer, size, root), now, ct, takeStaged);
            if (takeStaged) stagedLookedAt = now;
            if (done is not null)
            {
                edge = done.Edge;
                sizes.Saw(done.Checkpoint.Size);
                var count = done.Staged + appends.Count;
                Telemetry.LogAppends.Add(count);
                Telemetry.LogBatch.Record(count);
                var proofs = await ProofsAsync(db, done, done.Staged, appends.Count, ct);
                // The batch's leaf hashes are its level-0 nodes, in order (staged entries first): no need to hash the entries again.
                var leaves = done.Made.Where(n => n.Level == 0).Select(n => n.Hash).ToList();
                for (var i = 0; i < appends.Count; i++)
                {
                    appends[i].Done.TrySetResult(new LoggedEntry(done.FirstIndex + done.Staged + i, appends[i].Event!.Body, leaves[done.Staged + i],
                        done.Checkpoint.Size, done.Checkpoint.Note, proofs[i]));
                }
            }
            foreach (var flush in batch.Where(p => p.Event is null)) flush.Done.TrySetResult(null);
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
    private static async Task<List<byte[]>[]> ProofsAsync(ForewarnDb db, AppendedBatch done, int skip, int count, CancellationToken ct)
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
            for (var i = 0; i < count; i++) proofs[i] = MerkleTree.InclusionProof(done.FirstIndex + skip + i, size, Hash);
            return proofs;
        }
        catch (KeyNotFoundException)
        {
        }
        for (var i = 0; i < count; i++)
        {
            var index = done.FirstIndex + skip + i;
            proofs[i] = await LogStore.WithNodesAsync(db, hash => MerkleTree.InclusionProof(index, size, hash), ct);
        }
        return proofs;
    }

}

/// <summary>The log could not take an entry; whatever it was for must not happen.</summary>
public sealed class LogUnavailableException(string reason)
    : DomainException("log-unavailable",
        $"The transparency log could not record this request ({reason}), so it was not carried out (nothing is served or changed unlogged). Try again shortly.",
        ErrorCategory.Unavailable);
