using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency;

/// <summary>The outcome of a check: whether it holds, and a sentence saying what was found.</summary>
public sealed record Verdict(bool Holds, string Sentence)
{
    public static Verdict Fails(string sentence) => new(false, sentence);
}

/// <summary>
/// Offline checks of what the log hands out — receipts, inclusion and consistency proofs — against
/// signed checkpoints and the log's published key, with no server: RFC 9162 section 2.1.3.2 and
/// 2.1.4.2 over C2SP signed checkpoints.
/// </summary>
public static class LogVerifier
{
    /// <summary>The checkpoint a note holds when <paramref name="key"/> signed it; a sentence otherwise.</summary>
    public static (Checkpoint? Checkpoint, string? Problem) Open(string note, NoteKey key)
    {
        string? text;
        try
        {
            text = SignedNote.Open(note, key);
        }
        catch (FormatException e)
        {
            return (null, $"The checkpoint is not a signed note: {e.Message}");
        }
        if (text is null) return (null, $"The checkpoint carries no valid signature by the log's key {key.Name}+{Convert.ToHexStringLower(key.KeyId)}: it was not signed by this log, or it was altered.");
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(text);
        }
        catch (FormatException e)
        {
            return (null, $"The signed text is not a checkpoint: {e.Message}");
        }
        return checkpoint.Origin == key.Name
            ? (checkpoint, null)
            : (null, $"The checkpoint names the log \"{checkpoint.Origin}\", but the key is that of \"{key.Name}\".");
    }

    /// <summary>
    /// The checkpoint a note holds when any of <paramref name="keys"/> (the keys of one log, before
    /// and after rotations) signed it; a sentence otherwise.
    /// </summary>
    public static (Checkpoint? Checkpoint, string? Problem) Open(string note, IReadOnlyList<NoteKey> keys)
    {
        if (keys.Count == 1) return Open(note, keys[0]);
        string? first = null;
        foreach (var key in keys)
        {
            var (checkpoint, problem) = Open(note, key);
            if (checkpoint is not null) return (checkpoint, null);
            first ??= problem;
        }
        return first is not null && first.StartsWith("The checkpoint carries no valid signature", StringComparison.Ordinal)
            ? (null, $"The checkpoint carries no valid signature by any of the log's {keys.Count} keys ({string.Join(", ", keys.Select(k => Convert.ToHexStringLower(k.KeyId)))}): it was not signed by this log, or it was altered.")
            : (null, first);
    }

    /// <summary>Checks a receipt: its entry hashes to the proven leaf, the proof leads to the signed checkpoint's root.</summary>
    public static Verdict Receipt(Receipt receipt, NoteKey key)
    {
        if (receipt.Inclusion.Index != receipt.Index)
            return Verdict.Fails($"The receipt is for entry {receipt.Index} but its proof is for entry {receipt.Inclusion.Index}.");
        if (!MerkleHash.Leaf(receipt.Entry).AsSpan().SequenceEqual(receipt.Inclusion.LeafHash))
            return Verdict.Fails($"The entry in the receipt does not hash to the proven leaf of entry {receipt.Index}: the entry was altered.");
        var verdict = Inclusion(receipt.Inclusion, receipt.Checkpoint, key);
        return verdict.Holds
            ? new Verdict(true, $"Entry {receipt.Index} is in the log {key.Name}: its inclusion proof leads to the root of the signed checkpoint of {receipt.Inclusion.Size} entries.")
            : verdict;
    }

    /// <summary>Checks an inclusion proof against a signed checkpoint of the proof's tree size.</summary>
    public static Verdict Inclusion(InclusionProof proof, string checkpointNote, NoteKey key)
    {
        var (checkpoint, problem) = Open(checkpointNote, key);
        if (checkpoint is null) return Verdict.Fails(problem!);
        if (checkpoint.Size != proof.Size)
            return Verdict.Fails($"The proof is for a tree of {proof.Size} entries but the checkpoint is of {checkpoint.Size}.");
        if (proof.Index >= proof.Size) return Verdict.Fails($"Entry {proof.Index} cannot be in a tree of {proof.Size} entries.");
        return MerkleProofs.VerifyInclusion(proof.Index, proof.Size, proof.LeafHash, proof.Hashes, checkpoint.Root)
            ? new Verdict(true, $"The leaf at index {proof.Index} is in the checkpoint of {proof.Size} entries of {key.Name}.")
            : Verdict.Fails($"The inclusion proof of index {proof.Index} does not lead to the root of the checkpoint of {proof.Size} entries: the proof, the leaf or the checkpoint was altered.");
    }

    /// <summary>Checks that the log of the newer checkpoint extends the older one, by a consistency proof.</summary>
    public static Verdict Consistency(ConsistencyProof proof, string olderNote, string newerNote, NoteKey key)
    {
        var (older, problem) = Open(olderNote, key);
        if (older is null) return Verdict.Fails("The older " + problem![4..]);
        var (newer, problemNewer) = Open(newerNote, key);
        if (newer is null) return Verdict.Fails("The newer " + problemNewer![4..]);
        if (older.Size != proof.From || newer.Size != proof.To)
            return Verdict.Fails($"The proof is from {proof.From} to {proof.To} entries but the checkpoints are of {older.Size} and {newer.Size}.");
        if (proof.From > proof.To) return Verdict.Fails($"A log does not shrink: from {proof.From} to {proof.To} entries.");
        return MerkleProofs.VerifyConsistency(proof.From, proof.To, older.Root, newer.Root, proof.Hashes)
            ? new Verdict(true, $"The checkpoint of {proof.To} entries extends that of {proof.From}: the log only grew.")
            : Verdict.Fails($"The consistency proof from {proof.From} to {proof.To} entries does not hold: the log was rewritten, or the proof or a checkpoint was altered.");
    }
}
