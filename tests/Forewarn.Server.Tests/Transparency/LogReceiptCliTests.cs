using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Transparency.Notes;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// Receipts end to end: <c>me fetch</c> keeps the download's receipt, and <c>forewarn log
/// verify-receipt</c> checks it offline — with no server and no API key — against the published key.
/// </summary>
public sealed class LogReceiptCliTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-log-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs the command line with no server and no API key: offline checks need neither.</summary>
    private static Task<CliResult> Offline(params string[] args) => CliServer.RunWith(new Dictionary<string, string?>(), args);

    private async Task<string> FetchWithReceipt(string partner)
    {
        var file = Path.Combine(_dir, $"{partner}.yar");
        var output = (await server.Run(server.PartnerKey(partner), "me", "fetch", $"{DemoFacts.Replay}:detection", "--out", file)).Ok();
        Assert.Contains($"Saved the log receipt (entry ", output);
        Assert.Contains($"{file}.receipt.json", output);
        return file + ".receipt.json";
    }

    [Fact]
    public async Task A_downloads_receipt_verifies_offline_with_the_published_key()
    {
        var receipt = await FetchWithReceipt("Fjordwatch");
        var key = await LogTraffic.KeyAsync(server);

        var output = (await Offline("log", "verify-receipt", receipt, "--key", key)).Ok();
        Assert.Matches(@"^Entry \d+ is in the log .+: its inclusion proof leads to the root of the signed checkpoint of \d+ entries\.", output);

        var keyFile = Path.Combine(_dir, "log.key");
        await File.WriteAllTextAsync(keyFile, (await server.Run(null, "log", "key")).Ok());
        var json = (await Offline("log", "verify-receipt", receipt, "--key", keyFile, "--json")).Json();
        Assert.True((bool)json["verified"]!);
        Assert.Equal((long)JsonNode.Parse(await File.ReadAllTextAsync(receipt))!["index"]!, (long)json["index"]!);
    }

    [Fact]
    public async Task A_receipt_with_one_character_of_its_entry_changed_fails()
    {
        var receipt = await FetchWithReceipt("Bastion");
        var text = await File.ReadAllTextAsync(receipt);
        var altered = Path.Combine(_dir, "altered.json");
        await File.WriteAllTextAsync(altered, text.Replace("content.served", "content.servee", StringComparison.Ordinal));

        var err = (await Offline("log", "verify-receipt", altered, "--key", await LogTraffic.KeyAsync(server))).Failed(3);
        Assert.Contains("does not hash to the proven leaf", err);
        Assert.Contains("the entry was altered", err);
    }

    [Fact]
    public async Task A_receipt_checked_with_another_key_fails()
    {
        var receipt = await FetchWithReceipt("Oakridge");
        var key = await LogTraffic.KeyAsync(server);
        var other = NoteKey.Generate(NoteKey.FromVerifierKey(key).Name).VerifierKey;

        var err = (await Offline("log", "verify-receipt", receipt, "--key", other)).Failed(3);
        Assert.Contains("carries no valid signature by the log's key", err);
    }

    [Fact]
    public async Task Bad_receipts_and_keys_are_sentences_not_stack_traces()
    {
        var key = await LogTraffic.KeyAsync(server);
        var missing = (await Offline("log", "verify-receipt", Path.Combine(_dir, "none.json"), "--key", key)).Failed(1);
        Assert.Contains("cannot be read", missing);

        var malformed = Path.Combine(_dir, "malformed.json");
        await File.WriteAllTextAsync(malformed, "{\"index\": 3,");
        Assert.Contains("is not a log receipt: The receipt is not JSON", (await Offline("log", "verify-receipt", malformed, "--key", key)).Failed(1));

        await File.WriteAllTextAsync(malformed, "{\"index\": 3, \"entry\": {}, \"inclusion\": {}, \"checkpoint\": \"x\"}");
        Assert.Contains("is not a log receipt", (await Offline("log", "verify-receipt", malformed, "--key", key)).Failed(1));

        var receipt = await FetchWithReceipt("Fjordwatch");
        Assert.Contains("is neither a file nor a log verifier key", (await Offline("log", "verify-receipt", receipt, "--key", "not-a-key")).Failed(1));
        Assert.Contains("--key", (await Offline("log", "verify-receipt", receipt)).Failed(2));
    }

    [Fact]
    public async Task Staff_and_partners_fetch_receipts_of_entries_they_may_read()
    {
        var receipt = JsonNode.Parse(await File.ReadAllTextAsync(await FetchWithReceipt("Bastion")))!;
        var index = ((long)receipt["index"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = await LogTraffic.KeyAsync(server);

        var staffCopy = Path.Combine(_dir, "staff.json");
        (await server.Run(server.StaffKey, "log", "receipt", index, "-o", staffCopy)).Ok();
        (await Offline("log", "verify-receipt", staffCopy, "--key", key)).Ok();

        var mine = (await server.Run(server.PartnerKey("Bastion"), "log", "receipt", index)).Json();
        Assert.Equal(index, mine["index"]!.ToJsonString());
        var refused = (await server.Run(server.PartnerKey("Fjordwatch"), "log", "receipt", index)).Failed(1);
        Assert.Contains($"no entry {index} about your organisation", refused);
    }

    [Fact]
    public async Task Entries_checkpoint_and_key_read_what_the_api_serves()
    {
        await FetchWithReceipt("Oakridge");
        var entries = (await server.Run(server.StaffKey, "log", "entries", "--kind", "content.served", "--limit", "5", "--json")).Json();
        Assert.All(entries["entries"]!.AsArray(), e => Assert.Equal("content.served", (string?)e!["kind"]));
        Assert.Contains("content.served", (await server.Run(server.StaffKey, "log", "entries")).Ok());

        var oakridge = server.PartnerId("Oakridge");
        var mine = (await server.Run(server.PartnerKey("Oakridge"), "log", "mine", "--json")).Json();
        Assert.NotEmpty(mine["entries"]!.AsArray());
        Assert.All(mine["entries"]!.AsArray(), e => Assert.Equal(oakridge, (string?)e!["partner_id"]));
        (await server.Run(server.PartnerKey("Oakridge"), "log", "entries")).Failed(1);

        using var anonymous = server.Factory.CreateClient();
        Assert.Equal(await anonymous.GetStringAsync("/log/v1/key"), (await server.Run(null, "log", "key")).Ok());
        var checkpoint = (await server.Run(null, "log", "checkpoint")).Ok();
        Assert.StartsWith(NoteKey.FromVerifierKey(await LogTraffic.KeyAsync(server)).Name + "\n", checkpoint);
        Assert.Contains("\n\n\u2014 ", checkpoint);
    }
}
