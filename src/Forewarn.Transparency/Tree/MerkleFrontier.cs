namespace Forewarn.Transparency.Tree;

/// <summary>
/// A complete subtree of the log: level ℓ and index i cover the leaves [i·2^ℓ, (i+1)·2^ℓ); its hash
/// never changes once the last of those leaves is appended. A store that keeps these nodes answers
/// any range hash, and so any proof, with about log₂(n) lookups.
/// </summary>
public readonly record struct MerkleNode(int Level, long Index, byte[] Hash)
{
    public long Start => Index << Level;
    public long End => (Index + 1) << Level;
}

/// <summary>
/// The right edge of an append-only Merkle tree: the complete subtrees that make up its leaves
/// [0, n), largest first (at most one per bit of n). Appending a leaf gives the complete nodes it
/// finishes — the leaf itself and each parent it completes — for the store to keep, and the root
/// of the larger tree comes from the edge alone, without reading the tree.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<MerkleNode> edge = [];

    public long Size { get; private set; }

    /// <summary>The complete subtrees of the tree, largest (leftmost) first.</summary>
    public IReadOnlyList<MerkleNode> Edge => edge;

    /// <summary>The edge of the tree of <paramref name="size"/> leaves, from a store of complete nodes.</summary>
    public static MerkleFrontier At(long size, Func<int, long, byte[]> node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var frontier = new MerkleFrontier { Size = size };
        var start = 0L;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) == 0) continue;
            frontier.edge.Add(new MerkleNode(level, start >> level, node(level, start >> level)));
            start += 1L << level;
        }
        return frontier;
    }

    /// <summary>Appends a leaf hash; returns the complete nodes it finishes, the leaf first.</summary>
    public List<MerkleNode> Append(byte[] leafHash)
    {
        var made = new List<MerkleNode> { new(0, Size, leafHash) };
        var current = made[0];
        while (edge.Count > 0 && edge[^1].Level == current.Level)
        {
            var left = edge[^1];
            edge.RemoveAt(edge.Count - 1);
            current = new MerkleNode(current.Level + 1, left.Index >> 1, MerkleHash.Node(left.Hash, current.Hash));
            made.Add(current);
        }
        edge.Add(current);
        Size++;
        return made;
    }

    /// <summary>MTH of the whole tree: the edge folded from the right.</summary>
    public byte[] Root()
    {
        if (edge.Count == 0) return MerkleHash.Empty();
        var hash = edge[^1].Hash;
        for (var i = edge.Count - 2; i >= 0; i--) hash = MerkleHash.Node(edge[i].Hash, hash);
        return hash;
    }

    /// <summary>
    /// A <see cref="MerkleTree.RangeHash"/> over a store of complete nodes: a range that is one
    /// complete subtree is one lookup; any other range the RFC's recursion asks for starts at a
    /// multiple of its split, so it is a complete left part and a shorter remainder.
    /// </summary>
    public static MerkleTree.RangeHash FromNodes(Func<int, long, byte[]> node)
    {
        byte[] Hash(long start, long end)
        {
            var n = end - start;
            if ((n & (n - 1)) == 0)
            {
                var level = System.Numerics.BitOperations.Log2((ulong)n);
                if (start % n == 0) return node(level, start >> level);
            }
            var k = MerkleHash.Split(n);
            return MerkleHash.Node(Hash(start, start + k), Hash(start + k, end));
        }
        return Hash;
    }
}
