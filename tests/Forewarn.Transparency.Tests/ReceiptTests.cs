using System.Text.Json.Nodes;
using System.Text;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency.Tests;

/// <summary>The receipt a download carries (written straight from the entry's bytes) reads back as the same receipt, and verifies.</summary>
public sealed class ReceiptTests
{
    [Fact]
    public void The_compact_receipt_reads_back_as_the_same_receipt_and_verifies()
    {
        var key = NoteKey.Generate("example.org/log");
        var events = Enumerable.Range(0, 7).Select(i => LogEvent.Of("content.served", DateTimeOffset.UnixEpoch.AddSeconds(i), null, null,
            new("note", $"entry {i} — \"quoted\" <b>&</b>"), new("n", i))).ToList();
        var leaves = events.ConvertAll(e => e.LeafHash());
        var root = MerkleTree.Root(leaves);
        var note = SignedNote.Sign(new Checkpoint(key.Name, leaves.Count, root).ToText(), key);
        var proof = new InclusionProof(5, leaves.Count, leaves[5], MerkleTree.InclusionProof(5, leaves.Count, MerkleTree.FromLeaves(leaves)));
        var receipt = new Receipt(5, events[5].Body, proof, note);

        var compact = Encoding.UTF8.GetString(receipt.ToUtf8());
        Assert.True(JsonNode.DeepEquals(receipt.ToJson(), JsonNode.Parse(compact)), compact);
        var back = Receipt.Parse(compact);
        Assert.Equal(events[5].Body, back.Entry);
        Assert.Equal(note, back.Checkpoint);
        Assert.True(LogVerifier.Receipt(back, NoteKey.FromVerifierKey(key.VerifierKey)).Holds);
    }
}
