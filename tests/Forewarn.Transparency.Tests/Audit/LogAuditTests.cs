using System.Text;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency.Tests.Audit;

/// <summary>The auditor against logs built in memory and tampered with as someone with the store's keys could.</summary>
public sealed class LogAuditTests
{
    private static MemoryLog Log(int size = 40) => MemoryLog.Build(size, new Random(size));

    [Fact]
    public void An_untouched_log_verifies_with_every_checkpoint_and_consistency_proof()
    {
        var log = Log();
        var audit = new LogAudit(MemoryLog.Key);
        Assert.Null(audit.Run(log.Entries, log.Checkpoints));
        Assert.Equal(40, audit.EntriesChecked);
        Assert.Equal(log.Checkpoints.Count, audit.CheckpointsChecked);
        Assert.Equal(log.Checkpoints.Count - 1, audit.ConsistencyProofsChecked);
        Assert.Equal(40, audit.VerifiedSize);
        Assert.Null(log.Audit(withLeaves: false));
    }

    [Fact]
    public void An_empty_log_verifies()
    {
        var audit = new LogAudit(MemoryLog.Key);
        Assert.Null(audit.Run([], []));
        Assert.Equal(0, audit.EntriesChecked);
    }

    [Fact]
    public void An_edited_entry_is_named_exactly_with_the_stored_leaves()
    {
        var log = Log();
        log.Edit(17);
        var problem = log.Audit();
        Assert.Equal(17, problem?.Index);
        Assert.Contains("does not hash to its stored leaf", problem!.Sentence);
    }

    [Fact]
    public void Without_the_stored_leaves_an_edit_is_named_from_the_last_good_checkpoint()
    {
        var log = Log();
        log.Edit(17);
        var problem = log.Audit(withLeaves: false);
        Assert.Equal(log.CheckpointBefore(17), problem?.Index);
        Assert.Contains("do not give the root of the signed checkpoint", problem!.Sentence);
    }

    [Fact]
    public void An_entry_that_is_not_canonical_json_is_named()
    {
        var log = Log();
        var spaced = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(log.Entries[9].Body).Replace(",", ", ", StringComparison.Ordinal));
        log.Entries[9] = log.Entries[9] with { Body = spaced, StoredLeaf = MerkleHash.Leaf(spaced) };
        var problem = log.Audit();
        Assert.Equal(9, problem?.Index);
        Assert.Contains("not canonical JSON", problem!.Sentence);
        log.Entries[9] = log.Entries[9] with { Body = [0xff, 0x7b] };
        Assert.Equal(9, log.Audit()?.Index);
    }

    [Fact]
    public void A_deleted_entry_is_named()
    {
        var log = Log();
        log.Entries.RemoveAt(23);
        var problem = log.Audit();
        Assert.Equal(23, problem?.Index);
        Assert.Contains("Entry 23 is missing", problem!.Sentence);
    }

    [Fact]
    public void A_deleted_tail_is_named_by_the_checkpoint_that_still_covers_it()
    {
        var log = Log();
        log.Entries.RemoveRange(37, 3);
        var problem = log.Audit();
        Assert.Equal(37, problem?.Index);
        Assert.Contains("Entry 37 is missing, though the signed checkpoint", problem!.Sentence);
    }

    [Fact]
    public void An_entry_appended_without_a_checkpoint_is_named()
    {
        var log = Log();
        var body = MemoryLog.Body(40, 1);
        log.Entries.Add(new AuditedEntry(40, body, MerkleHash.Leaf(body)));
        var problem = log.Audit();
        Assert.Equal(40, problem?.Index);
        Assert.Contains("not covered by any signed checkpoint", problem!.Sentence);
    }

    [Fact]
    public void An_entry_inserted_by_shifting_the_rest_is_named()
    {
        var log = Log();
        // The rows from 12 on move up one; the stored leaves stay where they were.
        var shifted = log.Entries.Skip(12).Select(e => e with { Index = e.Index + 1 }).ToList();
        var leaves = log.Entries.Select(e => e.StoredLeaf).ToList();
        log.Entries.RemoveRange(12, log.Entries.Count - 12);
        log.Entries.Add(new AuditedEntry(12, MemoryLog.Body(12, -5)));
        log.Entries.AddRange(shifted);
        for (var i = 0; i < log.Entries.Count; i++) log.Entries[i] = log.Entries[i] with { StoredLeaf = i < leaves.Count ? leaves[i] : null };
        Assert.Equal(12, log.Audit()?.Index);
        Assert.Equal(log.CheckpointBefore(12), log.Audit(withLeaves: false)?.Index);
    }

    [Fact]
    public void Swapped_entries_are_named_at_the_first_of_them()
    {
        var log = Log();
        (log.Entries[8], log.Entries[30]) = (log.Entries[8] with { Body = log.Entries[30].Body }, log.Entries[30] with { Body = log.Entries[8].Body });
        Assert.Equal(8, log.Audit()?.Index);
    }

    [Fact]
    public void Rows_out_of_order_are_named()
    {
        var log = Log();
        (log.Entries[5], log.Entries[6]) = (log.Entries[6], log.Entries[5]);
        var problem = log.Audit();
        Assert.Equal(5, problem?.Index);
        Assert.Contains("Entry 5 is missing", problem!.Sentence);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_checkpoint_signed_by_another_key_is_forged(bool sameName)
    {
        var log = Log();
        var other = NoteKey.Generate(sameName ? MemoryLog.Key.Name : "other.example");
        var at = log.Checkpoints.FindIndex(c => c.Size >= 20);
        var forged = log.Checkpoints[at];
        var honest = Checkpoint.Parse(SignedNote.Parse(forged.Note).Text);
        log.Checkpoints[at] = forged with { Note = MemoryLog.Sign(other, honest.Size, honest.Root) };
        var problem = log.Audit();
        Assert.Equal(log.Checkpoints[at - 1].Size, problem?.Index);
        Assert.Contains($"The checkpoint of size {forged.Size} is forged", problem!.Sentence);
    }

    [Fact]
    public void A_checkpoint_with_another_root_is_named_from_the_checkpoint_before()
    {
        var log = Log();
        var at = log.Checkpoints.FindIndex(c => c.Size >= 20);
        var size = log.Checkpoints[at].Size;
        log.Checkpoints[at] = new AuditedCheckpoint(size, MemoryLog.Sign(MemoryLog.Key, size, MerkleHash.Leaf([1, 2, 3])));
        Assert.Equal(log.Checkpoints[at - 1].Size, log.Audit()?.Index);
    }

    [Fact]
    public void A_checkpoint_stored_under_another_size_is_named()
    {
        var log = Log();
        var at = log.Checkpoints.FindIndex(c => c.Size >= 20);
        var moved = log.Checkpoints[at];
        var note = log.Checkpoints[at - 1].Note;
        log.Checkpoints[at] = moved with { Note = note };
        var problem = log.Audit();
        Assert.Equal(log.Checkpoints[at - 1].Size, problem?.Index);
        Assert.Contains("is signed for size", problem!.Sentence);
    }

    [Fact]
    public void A_deleted_last_checkpoint_leaves_its_entries_uncovered()
    {
        var log = Log();
        log.Checkpoints.RemoveAt(log.Checkpoints.Count - 1);
        Assert.Equal(log.Checkpoints[^1].Size, log.Audit()?.Index);
    }

    [Fact]
    public void Checkpoints_far_apart_verify_without_holding_every_node()
    {
        var log = MemoryLog.Build(LogAudit.MaxHeldNodes / 2 + 7, new Random(1), maxBatch: LogAudit.MaxHeldNodes);
        var audit = new LogAudit(MemoryLog.Key);
        Assert.Null(audit.Run(log.Entries, log.Checkpoints));
        Assert.Equal(log.Entries.Count, audit.EntriesChecked);
    }
}
