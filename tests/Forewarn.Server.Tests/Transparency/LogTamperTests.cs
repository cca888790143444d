using System.Text.Json.Nodes;
using System.Text;
using Forewarn.Server.Tests.Cli;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;
using Forewarn.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// <c>forewarn log verify</c> against a real store tampered with by raw SQL, as someone with the
/// database's password could: each tamper in a fresh server and store; the audit exits 3 and names
/// the first index that cannot be trusted. Untouched, the log verifies.
/// </summary>
public sealed class LogTamperTests
{
    private static async Task Tampered(Func<CliServer, long, Task<long>> tamper, string? sentence = null)
    {
        var server = new CliServer();
        await server.InitializeAsync();
        try
        {
            var size = await LogTraffic.DownloadAsync(server);
            Assert.True(size >= 20, $"The log holds only {size} entries.");
            var expected = await tamper(server, size);
            var err = (await server.Run(server.StaffKey, "log", "verify", "--key", await LogTraffic.KeyAsync(server))).Failed(3);
            Assert.Contains($"error: the log does not verify at index {expected}:", err);
            if (sentence is not null) Assert.Contains(sentence, err);
            var json = JsonNode.Parse((await server.Run(server.StaffKey, "log", "verify", "--json")).Out)!;
            Assert.False((bool)json["verified"]!);
            Assert.Equal(expected, (long)json["problem"]!["index"]!);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static Task Sql(CliServer server, FormattableString sql) =>
        server.Factory.InStoreAsync(db => db.Database.ExecuteSqlAsync(sql));

    private static Task<byte[]> Body(CliServer server, long index) =>
        server.Factory.InStoreAsync(db => db.LogEntries.Where(e => e.Index == index).Select(e => e.Body).SingleAsync());

    /// <summary>The entry with one more field: still canonical JSON, a different leaf.</summary>
    private static byte[] Edited(byte[] body)
    {
        var o = JsonNode.Parse(body)!.AsObject();
        o["note"] = "edited";
        return Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(o.ToJsonString()));
    }

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        var server = new CliServer();
        await server.InitializeAsync();
        try
        {
            await Untouched(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task Untouched(CliServer server)
    {
        var size = await LogTraffic.DownloadAsync(server);
        var output = (await server.Run(server.StaffKey, "log", "verify", "--key", await LogTraffic.KeyAsync(server))).Ok();
        Assert.Contains($"Checked {size} entries", output);
        Assert.Contains($"The log verifies: every entry is covered by a checkpoint signed by the log, up to size {size}.", output);

        var trusting = await server.Run(server.StaffKey, "log", "verify", "--json");
        var json = trusting.Json();
        Assert.True((bool)json["verified"]!);
        Assert.Equal(size, (long)json["entries"]!);
        Assert.Equal((await LogTraffic.CheckpointsAsync(server)).Count, (long)json["checkpoints"]!);
        Assert.True((long)json["consistency_proofs"]! > 0);
        Assert.True((bool)json["key_from_server"]!);
        Assert.Contains("warning: no --key given", trusting.Err);
    }

    [Fact]
    public Task An_edited_entry_is_named() => Tampered(async (server, size) =>
    {
        var i = size / 2;
        await Sql(server, $"UPDATE log_entries SET \"Body\" = {Edited(await Body(server, i))} WHERE \"Index\" = {i}");
        return i;
    }, "does not hash to its stored leaf");

    [Fact]
    public Task A_deleted_entry_is_named() => Tampered(async (server, size) =>
    {
        var i = size / 3;
        await Sql(server, $"DELETE FROM log_entries WHERE \"Index\" = {i}");
        return i;
    }, "is missing");

    [Fact]
    public Task A_deleted_tail_is_named() => Tampered(async (server, size) =>
    {
        await Sql(server, $"DELETE FROM log_entries WHERE \"Index\" >= {size - 2}");
        return size - 2;
    }, "is missing, though the signed checkpoint");

    [Fact]
    public Task A_row_appended_without_a_checkpoint_is_named() => Tampered(async (server, size) =>
    {
        var body = Edited(await Body(server, 0));
        await Sql(server, $"INSERT INTO log_entries (\"Index\", \"Kind\", \"PartnerId\", \"ArtifactId\", \"Body\") VALUES ({size}, 'content.served', NULL, NULL, {body})");
        return size;
    }, "not covered by any signed checkpoint");

    [Fact]
    public Task A_row_inserted_by_shifting_the_rest_is_named() => Tampered(async (server, size) =>
    {
        var i = size / 2;
        var body = Edited(await Body(server, i));
        // Two steps, so no row ever takes an index still in use.
        await Sql(server, $"UPDATE log_entries SET \"Index\" = \"Index\" + 1000001 WHERE \"Index\" >= {i}");
        await Sql(server, $"UPDATE log_entries SET \"Index\" = \"Index\" - 1000000 WHERE \"Index\" >= {i + 1000001}");
        await Sql(server, $"INSERT INTO log_entries (\"Index\", \"Kind\", \"PartnerId\", \"ArtifactId\", \"Body\") VALUES ({i}, 'content.served', NULL, NULL, {body})");
        return i;
    });

    [Fact]
    public Task Swapped_entries_are_named_at_the_first() => Tampered(async (server, size) =>
    {
        var i = size / 4;
        var a = await Body(server, i);
        // Downloads at the same moment can log identical entries: swap two that differ.
        var j = size - 1;
        var b = await Body(server, j);
        while (b.AsSpan().SequenceEqual(a)) b = await Body(server, --j);
        await Sql(server, $"UPDATE log_entries SET \"Body\" = {b} WHERE \"Index\" = {i}");
        await Sql(server, $"UPDATE log_entries SET \"Body\" = {a} WHERE \"Index\" = {j}");
        return i;
    });

    [Fact]
    public Task A_checkpoint_signed_by_another_key_is_named() => Tampered(async (server, size) =>
    {
        var checkpoints = await LogTraffic.CheckpointsAsync(server);
        var at = Math.Max(1, checkpoints.FindIndex(c => c.Size >= size / 2));
        var honest = Checkpoint.Parse(SignedNote.Parse(checkpoints[at].Note).Text);
        var forger = NoteKey.Generate(honest.Origin);
        var forged = SignedNote.Sign(honest.ToText(), forger);
        await Sql(server, $"UPDATE log_checkpoints SET \"Note\" = {forged} WHERE \"Size\" = {honest.Size}");
        return checkpoints[at - 1].Size;
    }, "is forged");

    [Fact]
    public Task A_checkpoint_with_another_root_is_named() => Tampered(async (server, size) =>
    {
        var checkpoints = await LogTraffic.CheckpointsAsync(server);
        var at = Math.Max(1, checkpoints.FindIndex(c => c.Size >= size / 3));
        var note = checkpoints[at].Note;
        var honest = Checkpoint.Parse(SignedNote.Parse(note).Text);
        var rerooted = note.Replace(Convert.ToBase64String(honest.Root), Convert.ToBase64String(MerkleHash.Empty()), StringComparison.Ordinal);
        await Sql(server, $"UPDATE log_checkpoints SET \"Note\" = {rerooted} WHERE \"Size\" = {honest.Size}");
        return checkpoints[at - 1].Size;
    }, "is forged");
}
