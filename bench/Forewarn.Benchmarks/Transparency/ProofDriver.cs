extern alias server;

using System.Diagnostics;
using System.Text.Json.Nodes;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency.Tree;
using Microsoft.Extensions.DependencyInjection;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>One kind of proof timed from the store: time per proof and nodes read per proof.</summary>
internal sealed record ProofTiming(string Store, string What, Percentiles Ms, double Nodes);

/// <summary>
/// `log proofs`: inclusion and consistency proofs from a stored log of N entries (<see cref="ProofStore"/>),
/// for random (index, size) and (from, to) pairs: made by the server's own <see cref="LogReader"/>
/// (a scope per proof, as per request: the log's size, then the ~log₂ n nodes in one query), then
/// the same over HTTP (GET /log/v1/proof/*, in-process server). Every proof is verified with
/// <see cref="MerkleProofs"/> against the root of its tree, computed from the store outside the timing.
/// </summary>
internal static class ProofDriver
{
    public static async Task<List<ProofTiming>> RunAsync(string store, string? postgres, long entries, int queries, int batch, CancellationToken ct)
    {
        var data = postgres is null ? ProofStore.SqliteDirectory(entries) : LogHost.FreshDirectory("proofs-pg");
        entries = await ProofStore.EnsureAsync(data, postgres, entries, batch, ct);
        await using var host = new LogHost(data, postgres, demo: false, unlogged: false);
        var services = host.Services;
        using var client = host.CreateClient();
        var random = new Random(17);
        var timings = new List<ProofTiming>();

        async Task<T> WithStoreAsync<T>(Func<ForewarnDb, Task<T>> read)
        {
            await using var scope = services.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<ForewarnDb>());
        }
        Task<byte[]> RootAsync(long size) => WithStoreAsync(db => LogStore.WithNodesAsync(db, hash => MerkleTree.Root(size, hash), ct));
        static int NodesRead(Func<MerkleTree.RangeHash, object> compute)
        {
            var read = new HashSet<(int, long)>();
            compute(MerkleFrontier.FromNodes((level, index) =>
            {
                read.Add((level, index));
                return new byte[MerkleHash.Size];
            }));
            return read.Count;
        }

        foreach (var http in new[] { false, true })
        {
            var inclusion = new List<double>();
            var consistency = new List<double>();
            long inclusionNodes = 0, consistencyNodes = 0;
            for (var q = -queries / 10; q < queries; q++) // the first tenth warms up
            {
                var size = random.NextInt64(1, entries + 1);
                var index = random.NextInt64(size);
                var to = random.NextInt64(2, entries + 1);
                var from = random.NextInt64(1, to);
                var (root, fromRoot, toRoot) = (await RootAsync(size), await RootAsync(from), await RootAsync(to));

                var started = Stopwatch.GetTimestamp();
                var (leaf, path) = http ? await InclusionOverHttpAsync(client, index, size, ct) : await InclusionAsync(services, index, size, ct);
                var inclusionMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                started = Stopwatch.GetTimestamp();
                var proof = http ? await ConsistencyOverHttpAsync(client, from, to, ct) : await ConsistencyAsync(services, from, to, ct);
                var consistencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                if (!MerkleProofs.VerifyInclusion(index, size, leaf, path, root))
                    throw new InvalidOperationException($"The inclusion proof of {index} in {size} did not verify.");
                if (!MerkleProofs.VerifyConsistency(from, to, fromRoot, toRoot, proof))
                    throw new InvalidOperationException($"The consistency proof of {from} to {to} did not verify.");
                if (q < 0) continue;
                inclusion.Add(inclusionMs);
                consistency.Add(consistencyMs);
                inclusionNodes += NodesRead(hash => (hash(index, index + 1), MerkleTree.InclusionProof(index, size, hash)));
                consistencyNodes += NodesRead(hash => MerkleTree.ConsistencyProof(from, to, hash));
            }
            var how = http ? "over HTTP (GET /log/v1/proof/…)" : "LogReader, from the store";
            timings.Add(new ProofTiming($"{store}, {entries:N0} entries", $"inclusion, {how}", new Percentiles(inclusion), inclusionNodes / (double)queries));
            timings.Add(new ProofTiming($"{store}, {entries:N0} entries", $"consistency, {how}", new Percentiles(consistency), consistencyNodes / (double)queries));
            foreach (var t in timings.TakeLast(2))
                Console.WriteLine($"  {t.What}: median {t.Ms.Median:0.000} ms, p99 {t.Ms.P99:0.000} ms, {t.Nodes:0.0} nodes each ({t.Ms.Count:N0} proofs, all verified)");
        }
        if (postgres is not null) AppendDriver.TryDelete(data);
        return timings;
    }

    private static async Task<(byte[] Leaf, IReadOnlyList<byte[]> Path)> InclusionAsync(IServiceProvider services, long index, long size, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var proof = await scope.ServiceProvider.GetRequiredService<LogReader>().InclusionAsync(index, size, ct);
        return (proof.LeafHash, proof.Hashes);
    }

    private static async Task<IReadOnlyList<byte[]>> ConsistencyAsync(IServiceProvider services, long from, long to, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<LogReader>().ConsistencyAsync(from, to, ct)).Hashes;
    }

    private static async Task<(byte[] Leaf, IReadOnlyList<byte[]> Path)> InclusionOverHttpAsync(HttpClient client, long index, long size, CancellationToken ct)
    {
        var json = await GetAsync(client, FormattableString.Invariant($"/log/v1/proof/inclusion?index={index}&size={size}"), ct);
        return (Convert.FromBase64String((string)json["leaf_hash"]!), Hashes(json));
    }

    private static async Task<IReadOnlyList<byte[]>> ConsistencyOverHttpAsync(HttpClient client, long from, long to, CancellationToken ct) =>
        Hashes(await GetAsync(client, FormattableString.Invariant($"/log/v1/proof/consistency?from={from}&to={to}"), ct));

    private static List<byte[]> Hashes(JsonNode json) => [.. json["hashes"]!.AsArray().Select(h => Convert.FromBase64String((string)h!))];

    private static async Task<JsonNode> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
