using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Tree;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Forewarn.Storage.Transparency;

/// <summary>
/// The transparency log in the store: entries, the complete subtrees of the Merkle tree
/// (<c>log_nodes</c>) and every signed checkpoint. A batch of entries, the nodes it completes and
/// the checkpoint of the grown tree are written in one transaction, under a lock that makes one
/// writer at a time across servers (PostgreSQL: a transaction advisory lock; SQLite: its single
/// writer, taken at BEGIN IMMEDIATE) — so the log never forks and every entry is covered by a
/// signed checkpoint the moment it is durable.
/// </summary>
public static class LogStore
{
    // pg_advisory_xact_lock key: "FWLOG" in ASCII.
    private const long PostgresLockKey = 0x46574C4F47;

    /// <summary>At most this many staged entries are taken into one batch.</summary>
    public const int MaxStaged = 4096;

    /// <summary>
    /// Appends the entries staged with their changes (<c>log_pending</c>, oldest first), then
    /// <paramref name="events"/> in order, and signs the new tree head. <paramref name="edge"/> is
    /// the caller's copy of the tree's right edge from its last append (or null); it is used when
    /// the log has not grown since, and otherwise reopened from the stored nodes. Returns the
    /// batch's first index, how many staged entries lead it, and the checkpoint written; the edge
    /// after it is in the result. Null when there was nothing to append. <paramref name="takeStaged"/>
    /// false skips the staged entries (the sequencer looks for them when a change waits, and often).
    /// </summary>
    public static async Task<AppendedBatch?> AppendAsync(ForewarnDb db, IReadOnlyList<LogEvent> events, MerkleFrontier? edge,
        Func<long, byte[], string> sign, DateTimeOffset at, CancellationToken ct, bool takeStaged = true)
    {
        AppendedBatch? done = null;
        var cached = edge;
        // PostgreSQL's retrying strategy reruns the whole batch after a transient failure. A commit
        // whose answer was lost is recognised by its checkpoint, so a batch is never appended twice.
        await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            async attempt =>
            {
                var reuse = cached;
                cached = null; // a retry reopens the edge from the store: this attempt changes it
                done = await WriteAsync(db, events, reuse, sign, at, takeStaged, attempt);
            },
            async attempt => done is not null
                && await db.LogCheckpoints.AsNoTracking().Where(c => c.Size == done.Checkpoint.Size).Select(c => c.Root).FirstOrDefaultAsync(attempt) is { } root
                && root.AsSpan().SequenceEqual(done.Checkpoint.Root),
            ct);
        return done;
    }

    private static async Task<AppendedBatch?> WriteAsync(ForewarnDb db, IReadOnlyList<LogEvent> events, MerkleFrontier? edge,
        Func<long, byte[], string> sign, DateTimeOffset at, bool takeStaged, CancellationToken ct)
    {
        if (db.ProviderName == "postgresql")
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        var size = await SizeAsync(db, ct);
        // Under the lock, so no two servers take the same staged entry; deleted by id, since rows
        // committed after this read are for the next batch.
        var staged = takeStaged ? await db.LogPending.AsNoTracking().OrderBy(p => p.Id).Take(MaxStaged).ToListAsync(ct) : [];
        if (staged.Count + events.Count == 0) return null;
        var frontier = edge is not null && edge.Size == size ? edge : await EdgeAsync(db, size, ct);

        var before = frontier.Edge.ToList();
        var entries = new List<LogEntry>(staged.Count + events.Count);
        var made = new List<MerkleNode>(entries.Capacity * 2);
        var sources = new List<RequestSource>();
        foreach (var e in staged.Select(p => p.ToEvent()).Concat(events))
        {
            if (e.Source is { } source) sources.Add(new RequestSource(frontier.Size, e, source));
            entries.Add(new LogEntry(frontier.Size, e));
            made.AddRange(frontier.Append(e.LeafHash()));
        }
        var root = frontier.Root();
        var checkpoint = new LogCheckpoint(frontier.Size, root, at, sign(frontier.Size, root));
        await LogRows.AddAsync(db, entries, made, ct);
        await BulkInsert.AddAsync(db, [checkpoint], ct);
        // In the same transaction as the entries: no entry of a keyed request without its source.
        await BulkInsert.AddAsync(db, sources, ct);
        if (staged.Count > 0)
        {
            var taken = staged.ConvertAll(p => p.Id);
            await db.LogPending.Where(p => taken.Contains(p.Id)).ExecuteDeleteAsync(ct);
        }
        return new AppendedBatch(size, checkpoint, frontier, before, made, staged.Count);
    }

    /// <summary>The size of the log: that of its latest checkpoint (0 before the first entry).</summary>
    public static async Task<long> SizeAsync(ForewarnDb db, CancellationToken ct) =>
        await db.LogCheckpoints.MaxAsync(c => (long?)c.Size, ct) ?? 0;

    /// <summary>The latest checkpoint, or null while the log is empty.</summary>
    public static Task<LogCheckpoint?> LatestAsync(ForewarnDb db, CancellationToken ct) =>
        db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);

    /// <summary>The right edge of the tree of <paramref name="size"/> leaves, from the stored nodes.</summary>
    public static async Task<MerkleFrontier> EdgeAsync(ForewarnDb db, long size, CancellationToken ct)
    {
        var wanted = new List<(int, long)>();
        MerkleFrontier.At(size, (level, index) => { wanted.Add((level, index)); return []; });
        var found = await NodesAsync(db, wanted, ct);
        return MerkleFrontier.At(size, (level, index) => found[(level, index)]);
    }

    /// <summary>
    /// Runs <paramref name="compute"/> against the stored complete nodes: once to learn which nodes it
    /// reads (the shape of a proof does not depend on hash values), then again with those nodes
    /// fetched in one query — about log₂(n) of them at any size.
    /// </summary>
    public static async Task<T> WithNodesAsync<T>(ForewarnDb db, Func<MerkleTree.RangeHash, T> compute, CancellationToken ct)
    {
        var wanted = new HashSet<(int, long)>();
        var blank = new byte[MerkleHash.Size];
        compute(MerkleFrontier.FromNodes((level, index) => { wanted.Add((level, index)); return blank; }));
        var found = await NodesAsync(db, wanted, ct);
        return compute(MerkleFrontier.FromNodes((level, index) => found[(level, index)]));
    }

    /// <summary>The stored nodes at the given (level, index) positions; throws when one is missing.</summary>
    public static async Task<Dictionary<(int, long), byte[]>> NodesAsync(ForewarnDb db, IReadOnlyCollection<(int Level, long Index)> wanted, CancellationToken ct)
    {
        var found = new Dictionary<(int, long), byte[]>(wanted.Count);
        if (wanted.Count == 0) return found;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var chunk in wanted.Chunk(200))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                if (connection is NpgsqlConnection)
                {
                    // One statement text for every proof, prepared once per connection: planning an
                    // inline list cost PostgreSQL more than running it.
                    command.CommandText = "SELECT n.\"Level\", n.\"Index\", n.\"Hash\" FROM unnest(@levels, @indexes) AS k(l, i) " +
                                          "JOIN log_nodes n ON n.\"Level\" = k.l AND n.\"Index\" = k.i";
                    command.Parameters.Add(new NpgsqlParameter<int[]>("levels", [.. chunk.Select(k => k.Level)]));
                    command.Parameters.Add(new NpgsqlParameter<long[]>("indexes", [.. chunk.Select(k => k.Index)]));
                    await command.PrepareAsync(ct);
                }
                else
                {
                    // Levels and indexes are integers we computed, so they are written inline.
                    var keys = string.Join(", ", chunk.Select(k => FormattableString.Invariant($"({k.Level}, {k.Index})")));
                    command.CommandText = $"SELECT \"Level\", \"Index\", \"Hash\" FROM log_nodes WHERE (\"Level\", \"Index\") IN (VALUES {keys})";
                }
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) found[(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader.GetValue(2);
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
        var missing = wanted.FirstOrDefault(k => !found.ContainsKey(k));
        if (found.Count < wanted.Count) throw new LogDamagedException($"The log's node at level {missing.Level}, index {missing.Index} is missing from the store.");
        return found;
    }

    /// <summary>The stored leaf hashes of entries [start, end], oldest first.</summary>
    public static Task<List<LogNode>> LeavesAsync(ForewarnDb db, long start, long end, CancellationToken ct) =>
        db.LogNodes.AsNoTracking().Where(n => n.Level == 0 && n.Index >= start && n.Index <= end).OrderBy(n => n.Index).ToListAsync(ct);

}

/// <summary>
/// A committed batch: the index of its first entry, the checkpoint that covers it, the tree's edge
/// after it and before it, the complete nodes it made — with the edge before, every node an
/// inclusion proof of a batch entry against the checkpoint needs — and how many staged entries
/// lead the batch (the caller's events follow them).
/// </summary>
public sealed record AppendedBatch(long FirstIndex, LogCheckpoint Checkpoint, MerkleFrontier Edge,
    IReadOnlyList<MerkleNode> EdgeBefore, IReadOnlyList<MerkleNode> Made, int Staged = 0);

/// <summary>The stored log lacks something the tree needs (a node or checkpoint): the store was damaged or edited.</summary>
/// <summary>The stored log is not what was written: a row is missing or was changed.</summary>
public sealed class LogDamagedException(string message)
    : Forewarn.Domain.Common.DomainException("log-damaged", $"{message} Run 'forewarn log verify' to find the first entry that was touched.",
        Forewarn.Domain.Common.ErrorCategory.Unavailable);
