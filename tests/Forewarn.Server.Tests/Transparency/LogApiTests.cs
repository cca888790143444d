using System.Globalization;
using System.Net;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;
using Forewarn.Transparency;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// The public <c>/log/v1</c> API: proofs for random sizes and indexes verify against roots recomputed
/// from the published leaf hashes, every checkpoint's root is that recomputed root, and bad
/// parameters are 400 problems of type log-range — never a 500.
/// </summary>
public sealed class LogApiTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<List<byte[]>> LeavesAsync(HttpClient client, long size)
    {
        var leaves = new List<byte[]>();
        while (leaves.Count < size)
        {
            var page = await client.GetJson(Invariant($"/log/v1/leaves?start={leaves.Count}&end={size - 1}"));
            Assert.Equal(leaves.Count, (long)page["start"]!);
            leaves.AddRange(page["leaf_hashes"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)));
        }
        return leaves;
    }

    [Fact]
    public async Task Proofs_for_random_sizes_and_indexes_verify_against_recomputed_roots()
    {
        await LogTraffic.DownloadAsync(server);
        using var client = server.Factory.CreateClient();
        var key = NoteKey.FromVerifierKey(await LogTraffic.KeyAsync(server));
        var checkpoints = await LogTraffic.CheckpointsAsync(server);
        var size = checkpoints[^1].Size;
        var leaves = await LeavesAsync(client, size);
        byte[] Root(long n) => MerkleTree.Root(leaves.Take((int)n).ToList());

        foreach (var (n, note) in checkpoints)
        {
            var (checkpoint, problem) = LogVerifier.Open(note, key);
            Assert.True(checkpoint is not null, problem);
            Assert.Equal(n, checkpoint.Size);
            Assert.Equal(Root(n), checkpoint.Root);
        }

        var random = new Random(6);
        for (var round = 0; round < 40; round++)
        {
            var n = random.NextInt64(1, size + 1);
            var i = random.NextInt64(0, n);
            var inclusion = InclusionProof.Parse(await client.GetJson(Invariant($"/log/v1/proof/inclusion?index={i}&size={n}")));
            Assert.Equal(leaves[(int)i], inclusion.LeafHash);
            Assert.True(MerkleProofs.VerifyInclusion(i, n, leaves[(int)i], inclusion.Hashes, Root(n)), $"inclusion of {i} in {n}");
            var neighbour = leaves[(int)((i + 1) % n)];
            if (!neighbour.AsSpan().SequenceEqual(leaves[(int)i]))
                Assert.False(MerkleProofs.VerifyInclusion(i, n, neighbour, inclusion.Hashes, Root(n)), $"another leaf passed for {i} in {n}");

            var m = random.NextInt64(1, n + 1);
            var consistency = ConsistencyProof.Parse(await client.GetJson(Invariant($"/log/v1/proof/consistency?from={m}&to={n}")));
            Assert.True(MerkleProofs.VerifyConsistency(m, n, Root(m), Root(n), consistency.Hashes), $"consistency from {m} to {n}");
        }
    }

    [Theory]
    [InlineData("/log/v1/proof/inclusion?index=5&size=5")]
    [InlineData("/log/v1/proof/inclusion?index=0&size=0")]
    [InlineData("/log/v1/proof/inclusion?index=0&size=99999999")]
    [InlineData("/log/v1/proof/inclusion?index=-1&size=3")]
    [InlineData("/log/v1/proof/inclusion?index=x&size=3")]
    [InlineData("/log/v1/proof/inclusion?index=1")]
    [InlineData("/log/v1/proof/inclusion")]
    [InlineData("/log/v1/proof/inclusion?index=1&size=99999999999999999999999")]
    [InlineData("/log/v1/proof/consistency?from=4&to=3")]
    [InlineData("/log/v1/proof/consistency?from=0&to=3")]
    [InlineData("/log/v1/proof/consistency?from=1&to=99999999")]
    [InlineData("/log/v1/proof/consistency?from=1&to=")]
    [InlineData("/log/v1/proof/consistency?from=one&to=3")]
    [InlineData("/log/v1/proof/consistency")]
    [InlineData("/log/v1/leaves?start=99999999&end=99999999")]
    [InlineData("/log/v1/leaves?start=3&end=2")]
    [InlineData("/log/v1/leaves?start=0")]
    [InlineData("/log/v1/leaves?start=a&end=2")]
    [InlineData("/log/v1/checkpoints?after=abc")]
    [InlineData("/log/v1/checkpoints?after=-2")]
    [InlineData("/log/v1/checkpoints?limit=0")]
    public async Task Bad_parameters_are_log_range_problems(string url)
    {
        using var client = server.Factory.CreateClient();
        await (await client.GetAsync(url)).Problem(HttpStatusCode.BadRequest, "log-range");
    }

    [Fact]
    public async Task Bad_entry_pages_are_log_range_problems()
    {
        using var staff = server.Staff();
        await (await staff.GetAsync("/api/v1/log/entries?start=-1")).Problem(HttpStatusCode.BadRequest, "log-range");
        await (await staff.GetAsync("/api/v1/log/entries?limit=0")).Problem(HttpStatusCode.BadRequest, "log-range");
        await (await staff.GetAsync("/api/v1/log/entries?limit=10001")).Problem(HttpStatusCode.BadRequest, "log-range");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
