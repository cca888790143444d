using System.Text;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency.Tests.Audit;

/// <summary>
/// A log built in memory the way the server builds it: entries appended in batches, each batch
/// closed by a checkpoint signed with the log's key. Its lists are plain so a test can tamper with
/// them as someone with write access to the store would.
/// </summary>
public sealed class MemoryLog
{
    public static readonly NoteKey Key = NoteKey.Generate("log.test.example");

    public List<AuditedEntry> Entries { get; } = [];
    public List<AuditedCheckpoint> Checkpoints { get; } = [];

    /// <summary>A log of <paramref name="size"/> entries, checkpoints after batches of random length (the last batch too).</summary>
    public static MemoryLog Build(int size, Random random, int maxBatch = 5)
    {
        var log = new MemoryLog();
        var frontier = new MerkleFrontier();
        while (frontier.Size < size)
        {
            var batch = Math.Min(random.Next(1, maxBatch + 1), size - (int)frontier.Size);
            for (var i = 0; i < batch; i++)
            {
                var body = Body(frontier.Size, random.Next());
                log.Entries.Add(new AuditedEntry(frontier.Size, body, MerkleHash.Leaf(body)));
                frontier.Append(MerkleHash.Leaf(body));
            }
            log.Checkpoints.Add(new AuditedCheckpoint(frontier.Size, Sign(Key, frontier.Size, frontier.Root())));
        }
        return log;
    }

    public static byte[] Body(long index, int nonce) =>
        Encoding.UTF8.GetBytes($"{{\"at\":\"2026-11-28T12:00:00.0000000Z\",\"kind\":\"content.served\",\"n\":{nonce},\"seq\":{index}}}");

    public static string Sign(NoteKey key, long size, byte[] root) => SignedNote.Sign(new Checkpoint(key.Name, size, root).ToText(), key);

    /// <summary>The largest checkpoint size at or below <paramref name="index"/>: where an unpinpointed problem is named.</summary>
    public long CheckpointBefore(long index) => Checkpoints.Where(c => c.Size <= index).Select(c => c.Size).DefaultIfEmpty(0).Max();

    public AuditProblem? Audit(bool withLeaves = true) =>
        new LogAudit(Key).Run(withLeaves ? Entries : Entries.Select(e => e with { StoredLeaf = null }), Checkpoints);

    /// <summary>Replaces entry <paramref name="index"/>'s body (the stored leaf stays).</summary>
    public void Edit(int index) => Entries[index] = Entries[index] with { Body = Body(index, -1) };
}
