using Forewarn.Transparency.Tree;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Transparency.Tests.Tree;

/// <summary>For random trees, every inclusion and consistency proof verifies, and any altered hash, index or size makes it fail.</summary>
public sealed class MerkleProperties
{
    private static List<byte[]> Leaves(int n, int seed)
    {
        var random = new Random(seed);
        // Distinct entries (the index leads each, random bytes follow): two equal leaves side by side
        // would make a proof for one hold for the other too, rightly.
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var entry = new byte[4 + random.Next(0, 40)];
            BitConverter.TryWriteBytes(entry, i);
            random.NextBytes(entry.AsSpan(4));
            return MerkleHash.Leaf(entry);
        })];
    }

    private static Arbitrary<(int Size, int A, int B, int Seed)> Trees() =>
        (from size in Gen.Choose(1, 300)
         from a in Gen.Choose(0, size - 1)
         from b in Gen.Choose(0, size)
         from seed in Gen.Choose(0, int.MaxValue)
         select (size, a, b, seed)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Inclusion_proofs_verify_and_tampering_fails() =>
        Prop.ForAll(Trees(), t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var hash = MerkleTree.FromLeaves(leaves);
            var root = MerkleTree.Root(leaves);
            var proof = MerkleTree.InclusionProof(t.A, t.Size, hash);
            var good = MerkleProofs.VerifyInclusion(t.A, t.Size, leaves[t.A], proof, root);
            var otherIndex = t.Size > 1 && MerkleProofs.VerifyInclusion((t.A + 1) % t.Size, t.Size, leaves[t.A], proof, root);
            var biggerTree = MerkleProofs.VerifyInclusion(t.A, t.Size * 2, leaves[t.A], proof, root);
            var flipped = proof.Count > 0 && MerkleProofs.VerifyInclusion(t.A, t.Size, leaves[t.A], Flip(proof, t.Seed), root);
            return good && !otherIndex && !biggerTree && !flipped;
        });

    [Property(MaxTest = 500)]
    public Property Consistency_proofs_verify_and_tampering_fails() =>
        Prop.ForAll(Trees(), t =>
        {
            var (from, to) = (Math.Min(t.A + 1, t.B), Math.Max(t.A + 1, t.B));
            var leaves = Leaves(to, t.Seed);
            var hash = MerkleTree.FromLeaves(leaves);
            var fromRoot = MerkleTree.Root(leaves[..from]);
            var toRoot = MerkleTree.Root(leaves);
            var proof = MerkleTree.ConsistencyProof(from, to, hash);
            var good = MerkleProofs.VerifyConsistency(from, to, fromRoot, toRoot, proof);
            if (from == to || from == 0) return good;
            var wrongSize = MerkleProofs.VerifyConsistency(from, to * 2, fromRoot, toRoot, proof);
            var flipped = MerkleProofs.VerifyConsistency(from, to, fromRoot, toRoot, Flip(proof, t.Seed));
            var otherHistory = MerkleProofs.VerifyConsistency(from, to, MerkleHash.Leaf([1, 2, 3]), toRoot, proof);
            return good && !wrongSize && !flipped && !otherHistory;
        });

    private static List<byte[]> Flip(List<byte[]> proof, int seed)
    {
        var copy = proof.Select(p => p.ToArray()).ToList();
        var which = (int)((uint)seed % (uint)copy.Count);
        copy[which][seed % MerkleHash.Size] ^= 0x10;
        return copy;
    }
}
