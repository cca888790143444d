using Forewarn.Transparency.Tree;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Transparency.Tests.Tree;

/// <summary>
/// Appending through the frontier keeps exactly the complete nodes of the tree, its root is the
/// RFC's root at every size, and proofs made from the stored nodes equal proofs made from the leaves.
/// </summary>
public sealed class MerkleFrontierProperties
{
    private static Arbitrary<(int Size, int Seed)> Trees() =>
        (from size in Gen.Choose(0, 400) from seed in Gen.Choose(0, int.MaxValue) select (size, seed)).ToArbitrary();

    private static List<byte[]> Leaves(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => MerkleHash.Leaf(BitConverter.GetBytes(random.NextInt64())))];
    }

    [Property(MaxTest = 200)]
    public Property Roots_nodes_and_proofs_agree_with_the_leaves() =>
        Prop.ForAll(Trees(), t =>
        {
            var leaves = Leaves(t.Size, t.Seed);
            var store = new Dictionary<(int, long), byte[]>();
            var frontier = new MerkleFrontier();
            var rootsAgree = true;
            for (var i = 0; i < leaves.Count; i++)
            {
                foreach (var node in frontier.Append(leaves[i])) store.Add((node.Level, node.Index), node.Hash);
                rootsAgree &= frontier.Root().AsSpan().SequenceEqual(MerkleTree.Root(leaves[..(i + 1)]));
            }
            // Exactly the complete subtrees: 2n − popcount(n) of them.
            var nodesRight = store.Count == 2 * t.Size - System.Numerics.BitOperations.PopCount((ulong)t.Size);
            var fromNodes = MerkleFrontier.FromNodes((level, index) => store[(level, index)]);
            var fromLeaves = MerkleTree.FromLeaves(leaves);
            var proofsAgree = true;
            var reopened = true;
            if (t.Size > 0)
            {
                var random = new Random(t.Seed);
                var index = random.Next(t.Size);
                var from = random.Next(0, t.Size + 1);
                proofsAgree = Same(MerkleTree.InclusionProof(index, t.Size, fromNodes), MerkleTree.InclusionProof(index, t.Size, fromLeaves))
                              && Same(MerkleTree.ConsistencyProof(from, t.Size, fromNodes), MerkleTree.ConsistencyProof(from, t.Size, fromLeaves));
                var again = MerkleFrontier.At(t.Size, (level, i) => store[(level, i)]);
                reopened = again.Root().AsSpan().SequenceEqual(frontier.Root());
            }
            return rootsAgree && nodesRight && proofsAgree && reopened;
        });

    private static bool Same(List<byte[]> a, List<byte[]> b) => a.Count == b.Count && a.Zip(b).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
