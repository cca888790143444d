using System.Text.Json;
using System.Text;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency;

/// <summary>The first thing wrong with an audited log: the first index that cannot be trusted, and why.</summary>
public sealed record AuditProblem(long Index, string Sentence);

/// <summary>
/// Audits a whole log as it streams past: every entry (in index order, with the stored leaf hash
/// when known) and every stored checkpoint, each checkpoint given after the entries it covers and
/// before the next one. It recomputes the tree with a <see cref="MerkleFrontier"/>, checks each
/// checkpoint's signature and root against it and each checkpoint's consistency with the one before,
/// and stops at the first problem. Memory stays bounded whatever the log's size: the tree's edge,
/// the edge at the last checkpoint and the nodes made since (up to <see cref="MaxHeldNodes"/>).
/// A log whose key was rotated is audited with all its keys: a checkpoint verifies when any of them signed it.
/// </summary>
public sealed class LogAudit
{
    public LogAudit(NoteKey key) : this([key])
    {
    }

    /// <summary>An audit accepting checkpoints signed by any of <paramref name="keys"/>: the keys of one log (one origin), the current one first.</summary>
    public LogAudit(IReadOnlyList<NoteKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) throw new ArgumentException("An audit needs the log's key.", nameof(keys));
        if (keys.Any(k => k.Name != keys[0].Name))
            throw new ArgumentException($"The keys name different logs ({string.Join(", ", keys.Select(k => k.Name).Distinct())}); a log keeps its origin across rotations.", nameof(keys));
        Keys = keys;
    }

    /// <summary>Beyond this many nodes between two checkpoints, their consistency proof is not made (the roots are still checked).</summary>
    public const int MaxHeldNodes = 1 << 18;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly MerkleFrontier frontier = new();
    private readonly Dictionary<(int, long), byte[]> sinceCheckpoint = [];
    private Dictionary<(int, long), byte[]> edgeAtCheckpoint = [];
    private bool heldAll = true;
    private long checkpointSize;
    private byte[] checkpointRoot = MerkleHash.Empty();

    /// <summary>The first key given (the log's current one).</summary>
    public NoteKey Key => Keys[0];
    public IReadOnlyList<NoteKey> Keys { get; }
    public long EntriesChecked => frontier.Size;
    public long CheckpointsChecked { get; private set; }
    /// <summary>Pairs of successive checkpoints whose RFC 9162 consistency proof was made and verified.</summary>
    public long ConsistencyProofsChecked { get; private set; }
    /// <summary>The size of the last checkpoint that verified: entries below it are proven.</summary>
    public long VerifiedSize => checkpointSize;
    public AuditProblem? Problem { get; private set; }

    /// <summary>Feeds the next entry; false once a problem has been found (this one or an earlier one).</summary>
    public bool Entry(long index, byte[] body, byte[]? storedLeaf = null)
    {
        if (Problem is not null) return false;
        var next = frontier.Size;
        if (index > next)
            return Fail(next, next == index - 1
                ? $"Entry {next} is missing: the entries go from {next - 1} to {index}. A row was deleted."
                : $"Entries {next} to {index - 1} are missing: the entries go from {next - 1} to {index}. Rows were deleted.");
        if (index < next)
            return Fail(index, $"Entry {index} comes again after entry {next - 1}: the entries are out of order or a row was inserted.");
        if (!IsCanonical(body))
            return Fail(index, $"Entry {index} is not canonical JSON (RFC 8785), which the log never writes: it was edited.");
        var leaf = MerkleHash.Leaf(body);
        if (storedLeaf is not null && !leaf.AsSpan().SequenceEqual(storedLeaf))
            return Fail(index, $"Entry {index} does not hash to its stored leaf: the entry (or its leaf) was edited.");
        foreach (var node in frontier.Append(leaf))
        {
            if (!heldAll) break;
            if (sinceCheckpoint.Count >= MaxHeldNodes)
            {
                heldAll = false;
                sinceCheckpoint.Clear();
                break;
            }
            sinceCheckpoint[(node.Level, node.Index)] = node.Hash;
        }
        return true;
    }

    /// <summary>Feeds the next stored checkpoint, once every entry below its size has been fed; false once a problem has been found.</summary>
    public bool Checkpoint(long size, string note)
    {
        if (Problem is not null) return false;
        var n = frontier.Size;
        if (size <= checkpointSize && CheckpointsChecked > 0)
            return Fail(size, $"The checkpoint of size {size} comes after that of size {checkpointSize}: the checkpoints are out of order.");
        if (size > n)
            return Fail(n, $"Entry {n} is missing, though the signed checkpoint of size {size} covers it: a row was deleted.");
        if (size < n)
            throw new InvalidOperationException($"A checkpoint of size {size} must be fed before entry {size} (entry {n - 1} was fed already).");
        var (checkpoint, problem) = LogVerifier.Open(note, Keys);
        if (checkpoint is null)
            return Fail(checkpointSize, $"The checkpoint of size {size} is forged: {problem}");
        if (checkpoint.Size != size)
            return Fail(checkpointSize, $"The checkpoint stored as size {size} is signed for size {checkpoint.Size}: it was moved.");
        var root = frontier.Root();
        if (!root.AsSpan().SequenceEqual(checkpoint.Root))
            return Fail(checkpointSize, $"The entries from {checkpointSize} to {size - 1} do not give the root of the signed checkpoint of size {size}: an entry among them was edited, inserted, deleted or moved.");
        if (!Consistent(size, root)) return false;
        CheckpointsChecked++;
        checkpointSize = size;
        checkpointRoot = root;
        edgeAtCheckpoint = frontier.Edge.ToDictionary(e => (e.Level, e.Index), e => e.Hash);
        sinceCheckpoint.Clear();
        heldAll = true;
        return true;
    }

    /// <summary>Ends the audit: the first problem, or null when every entry is covered by a checkpoint that verified.</summary>
    public AuditProblem? Finish()
    {
        if (Problem is null && frontier.Size > checkpointSize)
            Fail(checkpointSize, frontier.Size - checkpointSize == 1
                ? $"Entry {checkpointSize} is not covered by any signed checkpoint (the last is of size {checkpointSize}): it was inserted."
                : $"Entries {checkpointSize} to {frontier.Size - 1} are not covered by any signed checkpoint (the last is of size {checkpointSize}): they were inserted.");
        return Problem;
    }

    /// <summary>
    /// An RFC 9162 consistency proof from the last checkpoint to this one, made from the nodes held:
    /// the nodes it needs left of the older size are the older tree's edge, the rest were made since.
    /// </summary>
    private bool Consistent(long size, byte[] root)
    {
        if (checkpointSize == 0 || !heldAll) return true;
        List<byte[]> proof;
        try
        {
            proof = MerkleTree.ConsistencyProof(checkpointSize, size, MerkleFrontier.FromNodes((level, index) =>
                sinceCheckpoint.TryGetValue((level, index), out var h) ? h : edgeAtCheckpoint[(level, index)]));
        }
        catch (KeyNotFoundException)
        {
            return true; // Not every node was held: the roots, checked already, are the proof.
        }
        if (!MerkleProofs.VerifyConsistency(checkpointSize, size, checkpointRoot, root, proof))
            return Fail(checkpointSize, $"The checkpoint of size {size} is not consistent with that of size {checkpointSize}: the log was rewritten.");
        ConsistencyProofsChecked++;
        return true;
    }

    private static bool IsCanonical(byte[] body)
    {
        try
        {
            var text = StrictUtf8.GetString(body);
            return CanonicalJson.Canonicalize(text) == text;
        }
        catch (Exception e) when (e is DecoderFallbackException or JsonException or FormatException)
        {
            return false;
        }
    }

    private bool Fail(long index, string sentence)
    {
        Problem = new AuditProblem(index, sentence);
        return false;
    }
}
