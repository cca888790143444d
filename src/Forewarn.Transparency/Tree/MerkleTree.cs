namespace Forewarn.Transparency.Tree;

/// <summary>
/// Tree heads and proofs of RFC 9162 section 2.1 over any store of the tree: the store answers the
/// hash of a range of leaves [start, end) (<see cref="RangeHash"/>) — the ranges asked for are the
/// ones the RFC's recursion visits, so a store that keeps the hashes of complete subtrees answers
/// each with at most log₂(n) of them, and no proof needs the whole tree.
/// </summary>
public static class MerkleTree
{
    /// <summary>The hash of the leaves [start, end), end &gt; start: MTH(D[start:end]).</summary>
    public delegate byte[] RangeHash(long start, long end);

    /// <summary>MTH(D[0:n]) from the leaf hashes themselves (for small trees and tests).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? MerkleHash.Empty() : FromLeaves(leafHashes)(0, leafHashes.Count);

    /// <summary>MTH(D[0:size]) from any store of range hashes (the empty tree's hash for size 0).</summary>
    public static byte[] Root(long size, RangeHash hash) => size == 0 ? MerkleHash.Empty() : hash(0, size);

    /// <summary>A <see cref="RangeHash"/> over leaf hashes held in memory, by the RFC's recursion.</summary>
    public static RangeHash FromLeaves(IReadOnlyList<byte[]> leafHashes)
    {
        byte[] Hash(long start, long end)
        {
            if (end - start == 1) return leafHashes[(int)start];
            var k = MerkleHash.Split(end - start);
            return MerkleHash.Node(Hash(start, start + k), Hash(start + k, end));
        }
        return Hash;
    }

    /// <summary>The inclusion proof PATH(index, D[0:size]) of RFC 9162 2.1.3.1, the deepest sibling first.</summary>
    public static List<byte[]> InclusionProof(long index, long size, RangeHash hash)
    {
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size}.");
        var proof = new List<byte[]>();
        Path(index, 0, size, hash, proof);
        return proof;
    }

    private static void Path(long m, long start, long end, RangeHash hash, List<byte[]> proof)
    {
        var n = end - start;
        if (n == 1) return;
        var k = MerkleHash.Split(n);
        if (m < k)
        {
            Path(m, start, start + k, hash, proof);
            proof.Add(hash(start + k, end));
        }
        else
        {
            Path(m - k, start + k, end, hash, proof);
            proof.Add(hash(start, start + k));
        }
    }

    /// <summary>The consistency proof PROOF(from, D[0:to]) of RFC 9162 2.1.4.1 (empty when from is 0 or equals to).</summary>
    public static List<byte[]> ConsistencyProof(long from, long to, RangeHash hash)
    {
        if (from < 0 || from > to) throw new ArgumentOutOfRangeException(nameof(from), $"A tree of {from} cannot precede a tree of {to}.");
        var proof = new List<byte[]>();
        if (from == 0 || from == to) return proof;
        SubProof(from, 0, to, complete: true, hash, proof);
        return proof;
    }

    private static void SubProof(long m, long start, long end, bool complete, RangeHash hash, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete) proof.Add(hash(start, end));
            return;
        }
        var k = MerkleHash.Split(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, complete, hash, proof);
            proof.Add(hash(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, complete: false, hash, proof);
            proof.Add(hash(start, start + k));
        }
    }
}
