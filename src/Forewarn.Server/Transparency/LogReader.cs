using Forewarn.Domain.Common;
using Forewarn.Storage.Transparency;
using Forewarn.Storage;
using Forewarn.Transparency.Tree;
using Forewarn.Transparency;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Reads the log for its API: the latest checkpoint, proofs from the stored complete subtrees
/// (about log₂ n node reads in one query, at any size), leaf hashes and receipts. A request the
/// log cannot answer throws <see cref="LogRangeException"/> with a sentence.
/// </summary>
public sealed class LogReader(ForewarnDb db, LogKey key, LogSize sizes)
{
    /// <summary>The latest checkpoint; while the log is empty, the signed checkpoint of the empty tree.</summary>
    public async Task<(long Size, string Note)> LatestAsync(CancellationToken ct)
    {
        if (await LogStore.LatestAsync(db, ct) is { } latest)
        {
            sizes.Saw(latest.Size);
            return (latest.Size, latest.Note);
        }
        return (0, LogKey.Sign(await key.GetAsync(ct), 0, MerkleHash.Empty()));
    }

    public async Task<InclusionProof> InclusionAsync(long index, long size, CancellationToken ct)
    {
        var current = await sizes.AtLeastAsync(db, size, ct);
        if (size < 1 || size > current) throw new LogRangeException($"The tree size must be from 1 to {current}, the size of the log now; {size} was asked for.");
        if (index < 0 || index >= size) throw new LogRangeException($"Index {index} is not in a tree of {Counted.Of(size, "entry", "entries")}: it must be from 0 to {size - 1}.");
        var (leaf, hashes) = await LogStore.WithNodesAsync(db, hash => (hash(index, index + 1), MerkleTree.InclusionProof(index, size, hash)), ct);
        return new InclusionProof(index, size, leaf, hashes);
    }

    public async Task<ConsistencyProof> ConsistencyAsync(long from, long to, CancellationToken ct)
    {
        var current = await sizes.AtLeastAsync(db, to, ct);
        if (to < 1 || to > current) throw new LogRangeException($"\"to\" must be from 1 to {current}, the size of the log now; {to} was asked for.");
        if (from < 1 || from > to) throw new LogRangeException($"\"from\" must be from 1 to \"to\" ({to}); {from} was asked for.");
        var hashes = await LogStore.WithNodesAsync(db, hash => MerkleTree.ConsistencyProof(from, to, hash), ct);
        return new ConsistencyProof(from, to, hashes);
    }

    /// <summary>Leaf hashes of entries start..end inclusive (RFC 9162 get-entries style: the answer may stop early).</summary>
    public async Task<(long Start, long End, List<byte[]> Hashes)> LeavesAsync(long start, long end, int most, CancellationToken ct)
    {
        var current = await LogStore.SizeAsync(db, ct);
        if (start < 0 || start >= current) throw new LogRangeException(current == 0 ? "The log is empty." : $"\"start\" must be from 0 to {current - 1}; {start} was asked for.");
        if (end < start) throw new LogRangeException($"\"end\" must be at least \"start\" ({start}); {end} was asked for.");
        var last = Math.Min(Math.Min(end, current - 1), start + most - 1);
        var leaves = await LogStore.LeavesAsync(db, start, last, ct);
        // A missing stored leaf would shift every hash after it: the answer stops before it.
        var run = 0;
        while (run < leaves.Count && leaves[run].Index == start + run) run++;
        if (run == 0) throw new LogDamagedException($"The log's stored leaf hash of entry {start} is missing: the store was damaged or edited.");
        return (start, start + run - 1, leaves.Take(run).Select(n => n.Hash).ToList());
    }

    /// <summary>A receipt for a stored entry against the latest checkpoint.</summary>
    public async Task<Receipt> ReceiptAsync(LogEntry entry, CancellationToken ct)
    {
        var (size, note) = await LatestAsync(ct);
        var proof = await InclusionAsync(entry.Index, size, ct);
        return new Receipt(entry.Index, entry.Body, proof, note);
    }

    /// <summary>The receipt of an entry just appended, from what the sequencer returned (no store reads).</summary>
    public static Receipt ReceiptOf(LoggedEntry logged) =>
        new(logged.Index, logged.Body, new InclusionProof(logged.Index, logged.TreeSize, logged.LeafHash, logged.Proof), logged.Checkpoint);
}

/// <summary>A proof or range the log cannot give (sizes and indexes out of range).</summary>
/// <summary>A log query asks for entries, sizes or proofs outside the log.</summary>
public sealed class LogRangeException(string message) : DomainException("log-range", message);
