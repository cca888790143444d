using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Transparency;

/// <summary><c>forewarn log verify-proof</c>: proofs from <c>/log/v1</c> checked offline against saved checkpoints.</summary>
public sealed class LogProofCliTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-proof-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<CliResult> Offline(params string[] args) => CliServer.RunWith(new Dictionary<string, string?>(), args);

    private async Task<string> Save(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private async Task<(List<(long Size, string Note)> Checkpoints, string Key, HttpClient Anonymous)> Log()
    {
        if (await LogTraffic.SizeAsync(server) < 20) await LogTraffic.DownloadAsync(server);
        return (await LogTraffic.CheckpointsAsync(server), await LogTraffic.KeyAsync(server), server.Factory.CreateClient());
    }

    [Fact]
    public async Task An_inclusion_proof_holds_against_its_checkpoint_and_not_another()
    {
        var (checkpoints, key, anonymous) = await Log();
        using var _ = anonymous;
        var (size, note) = checkpoints[^1];
        var index = size / 2;
        var proof = await Save("inclusion.json", (await anonymous.GetJson(Invariant($"/log/v1/proof/inclusion?index={index}&size={size}"))).ToJsonString());
        var checkpoint = await Save("latest.checkpoint", note);

        var output = (await Offline("log", "verify-proof", proof, "--checkpoint", checkpoint, "--key", key)).Ok();
        Assert.Contains($"The leaf at index {index} is in the checkpoint of {size} entries", output);

        var older = await Save("older.checkpoint", checkpoints[^2].Note);
        Assert.Contains($"the checkpoint is of {checkpoints[^2].Size}", (await Offline("log", "verify-proof", proof, "--checkpoint", older, "--key", key)).Failed(3));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(proof))!;
        var hashes = json["hashes"]!.AsArray();
        hashes[0] = Convert.ToBase64String(new byte[32]);
        var tampered = await Save("tampered.json", json.ToJsonString());
        Assert.Contains("does not lead to the root", (await Offline("log", "verify-proof", tampered, "--checkpoint", checkpoint, "--key", key)).Failed(3));
    }

    [Fact]
    public async Task A_consistency_proof_holds_between_its_checkpoints_and_not_others()
    {
        var (checkpoints, key, anonymous) = await Log();
        using var _ = anonymous;
        var (from, olderNote) = checkpoints[checkpoints.Count / 3];
        var (to, newerNote) = checkpoints[^1];
        var proof = await Save("consistency.json", (await anonymous.GetJson(Invariant($"/log/v1/proof/consistency?from={from}&to={to}"))).ToJsonString());
        var older = await Save("older.checkpoint", olderNote);
        var newer = await Save("newer.checkpoint", newerNote);

        var output = (await Offline("log", "verify-proof", proof, "--old-checkpoint", older, "--checkpoint", newer, "--key", key)).Ok();
        Assert.Contains($"The checkpoint of {to} entries extends that of {from}: the log only grew.", output);

        var other = await Save("other.checkpoint", checkpoints[checkpoints.Count / 3 + 1].Note);
        Assert.Contains("but the checkpoints are of", (await Offline("log", "verify-proof", proof, "--old-checkpoint", other, "--checkpoint", newer, "--key", key)).Failed(3));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(proof))!;
        json["hashes"]!.AsArray()[^1] = Convert.ToBase64String(new byte[32]);
        var tampered = await Save("tampered.json", json.ToJsonString());
        Assert.Contains("does not hold", (await Offline("log", "verify-proof", tampered, "--old-checkpoint", older, "--checkpoint", newer, "--key", key)).Failed(3));

        Assert.Contains("give --old-checkpoint", (await Offline("log", "verify-proof", proof, "--checkpoint", newer, "--key", key)).Failed(1));
    }

    [Fact]
    public async Task Bad_proof_files_are_sentences()
    {
        var (checkpoints, key, anonymous) = await Log();
        anonymous.Dispose();
        var checkpoint = await Save("latest.checkpoint", checkpoints[^1].Note);
        Assert.Contains("is not JSON", (await Offline("log", "verify-proof", await Save("a.json", "[1,"), "--checkpoint", checkpoint, "--key", key)).Failed(1));
        Assert.Contains("is not a log proof", (await Offline("log", "verify-proof", await Save("b.json", "{\"index\":\"x\"}"), "--checkpoint", checkpoint, "--key", key)).Failed(1));
        Assert.Contains("cannot be read", (await Offline("log", "verify-proof", Path.Combine(_dir, "none.json"), "--checkpoint", checkpoint, "--key", key)).Failed(1));
        var garbled = await Save("garbled.checkpoint", "not a note\n");
        var proof = await Save("c.json", "{\"index\":0,\"size\":1,\"leaf_hash\":\"" + Convert.ToBase64String(new byte[32]) + "\",\"hashes\":[]}");
        Assert.Contains("not a signed note", (await Offline("log", "verify-proof", proof, "--checkpoint", garbled, "--key", key)).Failed(3));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
