namespace Forewarn.Transparency;

/// <summary>An entry as read from a log: its index, canonical body and, when known, the stored leaf hash.</summary>
public sealed record AuditedEntry(long Index, byte[] Body, byte[]? StoredLeaf = null);

/// <summary>A stored checkpoint as read from a log: the size it is stored under and its signed note.</summary>
public sealed record AuditedCheckpoint(long Size, string Note);

/// <summary>
/// Feeds a <see cref="LogAudit"/> from two streams in index order — entries, and checkpoints by
/// size — interleaving them so each checkpoint comes after the entries it covers. A checkpoint is
/// read only once the entries before it are used up, so a source that pages lazily holds one page
/// of each at a time.
/// </summary>
public static class LogAuditRun
{
    public static async Task<AuditProblem?> RunAsync(this LogAudit audit, IAsyncEnumerable<AuditedEntry> entries,
        IAsyncEnumerable<AuditedCheckpoint> checkpoints, CancellationToken ct)
    {
        await using var e = entries.GetAsyncEnumerator(ct);
        await using var c = checkpoints.GetAsyncEnumerator(ct);
        var entry = await e.MoveNextAsync() ? e.Current : null;
        AuditedCheckpoint? checkpoint = null;
        var checkpointsLeft = true;
        while (true)
        {
            if (checkpoint is null && checkpointsLeft)
            {
                checkpointsLeft = await c.MoveNextAsync();
                checkpoint = checkpointsLeft ? c.Current : null;
            }
            if (entry is not null && (checkpoint is null || entry.Index < checkpoint.Size))
            {
                if (!audit.Entry(entry.Index, entry.Body, entry.StoredLeaf)) break;
                entry = await e.MoveNextAsync() ? e.Current : null;
            }
            else if (checkpoint is not null)
            {
                if (!audit.Checkpoint(checkpoint.Size, checkpoint.Note)) break;
                checkpoint = null;
            }
            else
            {
                break;
            }
        }
        return audit.Finish();
    }

    /// <summary>The same over streams held in memory (tests, small logs).</summary>
    public static AuditProblem? Run(this LogAudit audit, IEnumerable<AuditedEntry> entries, IEnumerable<AuditedCheckpoint> checkpoints) =>
        audit.RunAsync(entries.ToAsyncEnumerable(), checkpoints.ToAsyncEnumerable(), CancellationToken.None).GetAwaiter().GetResult();
}
