using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Transparency.Tests.Audit;

/// <summary>
/// Whatever the log's size and batching, and wherever one row is tampered with, the audit names
/// exactly that row (with the stored leaves) or the checkpoint before it (without); untouched, it passes.
/// </summary>
public sealed class LogAuditProperties
{
    private static readonly NoteKey Forger = NoteKey.Generate(MemoryLog.Key.Name);

    public enum Tamper { Edit, Delete, Swap, Forge, Reroot }

    [Property(MaxTest = 300)]
    public bool An_untouched_log_always_verifies(NonNegativeInt size, int seed)
    {
        var log = MemoryLog.Build(size.Get % 300, new Random(seed), maxBatch: 1 + (seed & 15));
        return log.Audit() is null && log.Audit(withLeaves: false) is null;
    }

    [Property(MaxTest = 500)]
    public Property One_tampered_row_is_named(PositiveInt size, NonNegativeInt at, Tamper tamper, int seed)
    {
        var log = MemoryLog.Build(1 + size.Get % 300, new Random(seed), maxBatch: 1 + (seed & 15));
        var (expected, expectedWithoutLeaves) = Apply(log, tamper, at.Get, new Random(seed ^ at.Get));
        var named = log.Audit()?.Index;
        var namedWithoutLeaves = log.Audit(withLeaves: false)?.Index;
        return (named == expected && namedWithoutLeaves == expectedWithoutLeaves)
            .Label($"{tamper}: named {named} (without leaves {namedWithoutLeaves}), expected {expected} ({expectedWithoutLeaves})");
    }

    private static (long WithLeaves, long WithoutLeaves) Apply(MemoryLog log, Tamper tamper, int at, Random random)
    {
        var i = at % log.Entries.Count;
        switch (tamper)
        {
            case Tamper.Edit:
                log.Edit(i);
                return (i, log.CheckpointBefore(i));
            case Tamper.Delete:
                log.Entries.RemoveAt(i);
                return (i, i);
            case Tamper.Swap when log.Entries.Count > 1:
                var j = (i + 1 + random.Next(log.Entries.Count - 1)) % log.Entries.Count;
                var (a, b) = (Math.Min(i, j), Math.Max(i, j));
                (log.Entries[a], log.Entries[b]) = (log.Entries[a] with { Body = log.Entries[b].Body }, log.Entries[b] with { Body = log.Entries[a].Body });
                return (a, log.CheckpointBefore(a));
            case Tamper.Swap:
                log.Edit(0);
                return (0, 0);
            default:
                var c = i % log.Checkpoints.Count;
                var size = log.Checkpoints[c].Size;
                var root = tamper == Tamper.Forge ? new MerkleFrontier().Root() : MerkleHash.Leaf([(byte)c]);
                var honest = Checkpoint.Parse(SignedNote.Parse(log.Checkpoints[c].Note).Text);
                log.Checkpoints[c] = new AuditedCheckpoint(size, tamper == Tamper.Forge
                    ? MemoryLog.Sign(Forger, size, honest.Root)
                    : MemoryLog.Sign(MemoryLog.Key, size, root));
                var before = c == 0 ? 0 : log.Checkpoints[c - 1].Size;
                return (before, before);
        }
    }
}
