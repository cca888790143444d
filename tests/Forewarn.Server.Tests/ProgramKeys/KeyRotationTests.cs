using System.Text.Json.Nodes;
using Forewarn.Csaf.Signing;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Transparency.Notes;

namespace Forewarn.Server.Tests.ProgramKeys;

/// <summary>
/// <c>forewarn admin rotate-key</c>: after a rotation the new key signs, and everything the old key
/// signed still verifies — the log's earlier checkpoints (by <c>log verify</c> and by the
/// independent Python checker) and the CSAF documents' published signatures.
/// </summary>
public sealed class KeyRotationTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-rotate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_log_key_rotates_and_checkpoints_signed_by_the_old_key_still_verify()
    {
        await LogTraffic.DownloadAsync(server, rounds: 1);
        var old = await LogTraffic.KeyAsync(server);
        var oldCheckpoint = (await LogTraffic.CheckpointsAsync(server))[^1];

        var rotated = (await server.Run(server.StaffKey, "admin", "rotate-key", "log", "--json")).Json();
        var next = (string)rotated["next"]!;
        Assert.Equal(old, (string?)rotated["previous"]);
        Assert.NotEqual(old, next);
        Assert.Equal(NoteKey.FromVerifierKey(old).Name, NoteKey.FromVerifierKey(next).Name); // the log keeps its origin
        await LogTraffic.DownloadAsync(server, rounds: 1);

        Assert.Equal(next, await LogTraffic.KeyAsync(server));
        using var anyone = server.Factory.CreateClient();
        Assert.Equal($"{next}\n{old}\n", await anyone.GetStringAsync("/log/v1/keys"));
        var latest = await anyone.GetStringAsync("/log/v1/checkpoint");
        Assert.NotNull(SignedNote.Open(latest, NoteKey.FromVerifierKey(next)));
        Assert.NotNull(SignedNote.Open(oldCheckpoint.Note, NoteKey.FromVerifierKey(old)));

        // The rotation is announced under the old key: the checkpoint covering it is the old key's last.
        var entries = (await server.Run(server.StaffKey, "log", "entries", "--json")).Json()["entries"]!.AsArray();
        var announced = entries.First(e => (string?)e!["kind"] == "program-key.rotated" && (string?)e["entry"]!["stage"] == "announced")!;
        Assert.Equal(next, (string?)announced["entry"]!["next"]);
        var covering = (await LogTraffic.CheckpointsAsync(server)).First(c => c.Size > (long)announced["index"]!);
        Assert.NotNull(SignedNote.Open(covering.Note, NoteKey.FromVerifierKey(old)));

        var verified = await server.Run(server.StaffKey, "log", "verify");
        Assert.Contains("The log verifies", verified.Ok());
        Assert.Contains("against the 2 keys of", verified.Out);
        (await server.Run(server.StaffKey, "log", "verify", "--key", next, "--key", old)).Ok();
        var keysFile = Path.Combine(_dir, "log.keys");
        await File.WriteAllTextAsync(keysFile, $"{next}\n{old}\n");
        (await server.Run(server.StaffKey, "log", "verify", "--key", keysFile)).Ok();
        // The new key alone does not vouch for what the old one signed.
        Assert.Contains("is forged", (await server.Run(server.StaffKey, "log", "verify", "--key", next)).Failed(3));

        var (exit, output) = await TlogCheckAsync(server.Address);
        Assert.True(exit == 0, output);
        Assert.True((bool)JsonNode.Parse(output)!["ok"]!);
    }

    [Fact]
    public async Task The_csaf_key_rotates_and_the_old_key_stays_listed_for_the_signatures_it_made()
    {
        using var anyone = server.Factory.CreateClient();
        var document = Releases.DocumentUrl(DemoFacts.Replay, 2025);
        var bytes = await anyone.GetByteArrayAsync(document);
        var signature = await anyone.GetStringAsync(document + ".asc");
        var before = await anyone.GetJson("/.well-known/csaf/provider-metadata.json");
        var oldFingerprint = (string)before["public_openpgp_keys"]![0]!["fingerprint"]!;

        var rotated = (await server.Run(server.StaffKey, "admin", "rotate-key", "csaf", "--json")).Json();
        Assert.Equal(oldFingerprint, (string?)rotated["previous"]);
        var next = (string)rotated["next"]!;
        Assert.NotEqual(oldFingerprint, next);

        var after = await anyone.GetJson("/.well-known/csaf/provider-metadata.json");
        var listed = after["public_openpgp_keys"]!.AsArray().Select(k => (string)k!["fingerprint"]!).ToList();
        Assert.Equal([next, oldFingerprint], listed);
        var oldKey = await anyone.GetStringAsync($"/.well-known/csaf/openpgp/{oldFingerprint}.asc");
        var newKey = await anyone.GetStringAsync($"/.well-known/csaf/openpgp/{next}.asc");
        Assert.True(DetachedSignature.Verify(bytes, signature, oldKey), "the published signature no longer verifies with the listed old key");
        Assert.False(DetachedSignature.Verify(bytes, signature, newKey));
        Assert.Equal(signature, await anyone.GetStringAsync(document + ".asc")); // published signatures are not remade

        var entries = (await server.Run(server.StaffKey, "log", "entries", "--json")).Json()["entries"]!.AsArray();
        Assert.Contains(entries, e => (string?)e!["kind"] == "program-key.rotated" && (string?)e["entry"]!["key"] == "csaf"
            && (string?)e["entry"]!["next"] == next && (string?)e["entry"]!["actor_key"] is not null);
    }

    [Fact]
    public async Task Only_staff_who_may_write_rotate_and_unknown_keys_are_named()
    {
        (await server.Run(server.PartnerKey("Bastion"), "admin", "rotate-key", "log")).Failed(1);
        Assert.Contains("'tracing'", (await server.Run(server.StaffKey, "admin", "rotate-key", "tracing")).Failed(2));
        using var staff = server.Staff();
        var refused = await staff.PostAsync("/api/v1/admin/keys/tracing/rotate", null);
        var problem = await refused.Problem(System.Net.HttpStatusCode.NotFound, "not-found");
        Assert.Contains("the keys are 'csaf' and 'log'", (string?)problem["detail"]);
    }

    internal static Task<(int Exit, string Output)> TlogCheckAsync(string address) => ChildProcess.TlogCheckAsync(address, 20);
}
