using System.Diagnostics;
using System.Globalization;
using Forewarn.Transparency.Tree;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>
/// `merkle [--entries 10000000] [--queries 2000]`: the Merkle algorithms alone (no store), as a
/// floor for issue 6's proof target — a tree of N leaves appended through the frontier with every
/// complete node kept in memory, then inclusion and consistency proofs for random indexes and sizes
/// made from those nodes and verified. Prints appends/s, node lookups per proof and the time per proof.
/// </summary>
internal static class MerkleDriver
{
    public static int Run(string[] args)
    {
        long Option(string name, long fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var entries = Option("--entries", 10_000_000);
        var queries = (int)Option("--queries", 2_000);

        // Level ℓ holds the complete nodes of 2^ℓ leaves, in index order: 2n − popcount(n) hashes.
        var levels = new List<List<byte[]>>();
        var frontier = new MerkleFrontier();
        var entry = new byte[64];
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < entries; i++)
        {
            BitConverter.TryWriteBytes(entry, i);
            foreach (var node in frontier.Append(MerkleHash.Leaf(entry)))
            {
                while (levels.Count <= node.Level) levels.Add([]);
                levels[node.Level].Add(node.Hash);
            }
        }
        var appendSeconds = clock.Elapsed.TotalSeconds;
        var root = frontier.Root();
        Console.WriteLine($"{entries:N0} leaves appended in {appendSeconds:F1} s ({entries / appendSeconds:N0} appends/s, in memory, one thread)");

        var lookups = 0L;
        byte[] Node(int level, long index)
        {
            lookups++;
            return levels[level][(int)index];
        }
        var hash = MerkleFrontier.FromNodes(Node);
        var random = new Random(7);
        var inclusion = new List<double>(queries);
        var consistency = new List<double>(queries);
        long inclusionLookups = 0, consistencyLookups = 0;
        for (var q = 0; q < queries; q++)
        {
            var index = random.NextInt64(entries);
            lookups = 0;
            clock.Restart();
            var proof = MerkleTree.InclusionProof(index, entries, hash);
            var leaf = Node(0, index);
            var ok = MerkleProofs.VerifyInclusion(index, entries, leaf, proof, root);
            inclusion.Add(clock.Elapsed.TotalMilliseconds);
            inclusionLookups += lookups;
            var from = random.NextInt64(1, entries);
            var fromRoot = MerkleTree.Root(from, hash);
            lookups = 0;
            clock.Restart();
            var consistencyProof = MerkleTree.ConsistencyProof(from, entries, hash);
            ok &= MerkleProofs.VerifyConsistency(from, entries, fromRoot, root, consistencyProof);
            consistency.Add(clock.Elapsed.TotalMilliseconds);
            consistencyLookups += lookups;
            if (!ok)
            {
                Console.Error.WriteLine($"A proof did not verify (index {index}, from {from}).");
                return 1;
            }
        }
        static string Stats(List<double> ms)
        {
            ms.Sort();
            return $"median {ms[ms.Count / 2]:F3} ms, p99 {ms[(int)(ms.Count * 0.99)]:F3} ms";
        }
        Console.WriteLine($"inclusion proof (make + verify), {queries:N0} random leaves: {Stats(inclusion)}; {inclusionLookups / (double)queries:F1} node lookups each");
        Console.WriteLine($"consistency proof (make + verify), {queries:N0} random sizes: {Stats(consistency)}; {consistencyLookups / (double)queries:F1} node lookups each");
        return 0;
    }
}
