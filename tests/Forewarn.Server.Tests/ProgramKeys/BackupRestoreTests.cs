using System.Net;
using Forewarn.Cli;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;

namespace Forewarn.Server.Tests.ProgramKeys;

/// <summary>
/// <c>forewarn admin backup</c> and <c>restore</c> as an operator would use them: a backup taken
/// while the server runs, restored into another data directory with the master key, and a server
/// started there — its log verifies, a partner's old copy regenerates byte for byte (the same
/// tracing secret), and the partners' and staff's API keys work.
/// </summary>
public sealed class BackupRestoreTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-backup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_backup_restored_elsewhere_verifies_regenerates_old_copies_and_keeps_partners_keys()
    {
        var backup = Path.Combine(_dir, "forewarn-backup.db");
        if (server.Factory.OnPostgres)
        {
            Assert.Contains("pg_dump", (await server.Run(server.StaffKey, "admin", "backup", "--out", backup)).Failed(1));
            return;
        }
        var original = Path.Combine(_dir, "original.py");
        (await server.Run(server.PartnerKey("Bastion"), "me", "fetch", $"{DemoFacts.Replay}:poc", "--out", original)).Ok();
        await LogTraffic.DownloadAsync(server, rounds: 1);

        var saved = (await server.Run(server.StaffKey, "admin", "backup", "--out", backup)).Ok();
        Assert.Contains("Saved the store to", saved);
        Assert.Contains("master key, which is not in the backup", saved);
        var restored = Path.Combine(_dir, "restored");
        var masterKey = Path.Combine(server.Factory.DataDirectory, "master.key");
        var offline = new Dictionary<string, string?>();
        Assert.Contains("Restored the store", (await CliServer.RunWith(offline, "admin", "restore", backup, "--data", restored, "--master-key", masterKey)).Ok());
        Assert.Equal(await File.ReadAllTextAsync(masterKey), await File.ReadAllTextAsync(Path.Combine(restored, "master.key")));

        await using var elsewhere = new RestoredServer(restored, server.Factory.Clock).Listen();
        Task<CliResult> There(string key, params string[] args) =>
            CliServer.RunWith(new Dictionary<string, string?> { [CliContext.ServerVariable] = elsewhere.Address, [CliContext.KeyVariable] = key }, args);

        Assert.Contains("The log verifies", (await There(server.StaffKey, "log", "verify", "--key", await LogTraffic.KeyAsync(server))).Ok());
        var again = Path.Combine(_dir, "again.py");
        (await There(server.PartnerKey("Bastion"), "me", "fetch", $"{DemoFacts.Replay}:poc", "--out", again)).Ok();
        Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(again));
        (await There(server.PartnerKey("Corvid"), "me", "advisories")).Ok();
        Assert.False(File.Exists(Path.Combine(restored, "demo-credentials.json")), "the demo must not load into a restored programme");

        // The backup itself is in the log, with its hash.
        var entries = (await There(server.StaffKey, "log", "entries", "--json")).Json()["entries"]!.AsArray();
        Assert.DoesNotContain(entries, e => (string?)e!["kind"] == "store.backed-up"); // taken after the copy was made
        var live = (await server.Run(server.StaffKey, "log", "entries", "--json")).Json()["entries"]!.AsArray();
        Assert.Contains(live, e => (string?)e!["kind"] == "store.backed-up" && (string?)e["entry"]!["actor_key"] is not null);
    }

    [Fact]
    public async Task Restore_refuses_a_directory_that_holds_a_store_and_a_file_that_is_not_a_backup()
    {
        var offline = new Dictionary<string, string?>();
        var notBackup = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(notBackup, "not a store");
        Assert.Contains("is not a Forewarn store backup", (await CliServer.RunWith(offline, "admin", "restore", notBackup, "--data", Path.Combine(_dir, "x"))).Failed(1));
        if (server.Factory.OnPostgres) return;
        var backup = Path.Combine(_dir, "b.db");
        (await server.Run(server.StaffKey, "admin", "backup", "--out", backup)).Ok();
        Assert.Contains("already holds a store", (await CliServer.RunWith(offline, "admin", "restore", backup, "--data", server.Factory.DataDirectory)).Failed(1));
        using var partner = server.WithKey(server.PartnerKey("Bastion"));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/admin/backup")).StatusCode);
    }
}
