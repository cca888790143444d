namespace Forewarn.Transparency.Tree;

/// <summary>
/// Verification of inclusion and consistency proofs exactly as RFC 9162 sections 2.1.3.2 and
/// 2.1.4.2 describe: nothing but the proof, the sizes and the hashes is needed, so a partner or an
/// auditor can check offline.
/// </summary>
public static class MerkleProofs
{
    /// <summary>Whether <paramref name="proof"/> shows the leaf hash at <paramref name="index"/> in the tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size || leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size) return false;
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (p.Length != MerkleHash.Size || sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>Whether <paramref name="proof"/> shows the tree of <paramref name="from"/> with <paramref name="fromRoot"/> is a prefix of the tree of <paramref name="to"/> with <paramref name="toRoot"/>.</summary>
    public static bool VerifyConsistency(long from, long to, ReadOnlySpan<byte> fromRoot, ReadOnlySpan<byte> toRoot, IReadOnlyList<byte[]> proof)
    {
        if (from < 0 || from > to) return false;
        if (from == to) return proof.Count == 0 && fromRoot.SequenceEqual(toRoot);
        if (from == 0) return proof.Count == 0;
        if (proof.Count == 0 || fromRoot.Length != MerkleHash.Size || toRoot.Length != MerkleHash.Size) return false;
        var path = new List<byte[]>(proof.Count + 1);
        if ((from & (from - 1)) == 0) path.Add(fromRoot.ToArray());
        path.AddRange(proof);
        if (path.Any(p => p.Length != MerkleHash.Size)) return false;
        var fn = from - 1;
        var sn = to - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(fromRoot) && sr.AsSpan().SequenceEqual(toRoot);
    }
}
