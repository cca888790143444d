using Forewarn.Server.Tests.Cli;
using Forewarn.Transparency.Notes;

namespace Forewarn.Server.Tests.Transparency;

/// <summary><c>forewarn log verify</c> and <c>log proof</c> on an untouched log: the wrong key or key type is caught.</summary>
public sealed class LogVerifyCliTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-verify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Verifying_with_another_logs_key_names_the_first_checkpoint_forged()
    {
        await LogTraffic.DownloadAsync(server, rounds: 1);
        var other = NoteKey.Generate(NoteKey.FromVerifierKey(await LogTraffic.KeyAsync(server)).Name).VerifierKey;
        var err = (await server.Run(server.StaffKey, "log", "verify", "--key", other)).Failed(3);
        Assert.Contains("error: the log does not verify at index 0: The checkpoint of size ", err);
        Assert.Contains("is forged", err);
    }

    [Fact]
    public async Task Only_staff_may_audit_the_whole_log()
    {
        var err = (await server.Run(server.PartnerKey("Bastion"), "log", "verify")).Failed(1);
        Assert.StartsWith("warning: no --key given", err);
        Assert.Contains("error: ", err);
    }

    [Fact]
    public async Task Proofs_fetched_by_the_cli_verify_offline()
    {
        var size = await LogTraffic.DownloadAsync(server, rounds: 1);
        var key = await LogTraffic.KeyAsync(server);
        var checkpoint = Path.Combine(_dir, "latest.checkpoint");
        await File.WriteAllTextAsync(checkpoint, (await server.Run(null, "log", "checkpoint")).Ok());
        var proof = Path.Combine(_dir, "inclusion.json");
        Assert.Contains("Saved the proof to", (await server.Run(null, "log", "proof", "inclusion", "3", "-o", proof)).Ok());
        var offline = new Dictionary<string, string?>();
        (await CliServer.RunWith(offline, "log", "verify-proof", proof, "--checkpoint", checkpoint, "--key", key)).Ok();

        var older = (await LogTraffic.CheckpointsAsync(server))[1];
        var oldCheckpoint = Path.Combine(_dir, "old.checkpoint");
        await File.WriteAllTextAsync(oldCheckpoint, older.Note);
        var consistency = Path.Combine(_dir, "consistency.json");
        (await server.Run(null, "log", "proof", "consistency", older.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), "--to", size.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", consistency)).Ok();
        (await CliServer.RunWith(offline, "log", "verify-proof", consistency, "--old-checkpoint", oldCheckpoint, "--checkpoint", checkpoint, "--key", key)).Ok();

        var refused = (await server.Run(null, "log", "proof", "inclusion", "99999999")).Failed(1);
        Assert.Contains("Index 99999999 is not in a tree of", refused);
    }
}
