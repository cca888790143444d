using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn me show|advisories|fetch|ack</c> with demo partner keys, at the demo's "now" (2026-11-28 12:00 UTC).</summary>
public sealed class MeTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<JsonObject> Artifact(string partner, string reference, string cls)
    {
        var mine = (await server.Run(server.PartnerKey(partner), "me", "advisories", "--json")).Json().AsArray();
        var advisory = mine.Single(a => (string?)a!["reference"] == reference)!;
        return advisory["artifacts"]!.AsArray().Single(a => (string?)a!["class"] == cls)!.AsObject();
    }

    /// <summary>The same partner's copy straight over HTTP, to compare with what the CLI wrote.</summary>
    private async Task<byte[]> FetchOverHttp(string partner, string artifactId)
    {
        using var client = server.WithKey(server.PartnerKey(partner));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return await client.GetByteArrayAsync($"/api/v1/me/artifacts/{artifactId}/content");
    }

    [Fact]
    public async Task Show_describes_the_callers_organisation()
    {
        var output = (await server.Run(server.PartnerKey("Bastion"), "me", "show")).Ok();

        Assert.Matches(@"Legal name\s+Bastion Endpoint Security GmbH", output);
        Assert.Matches(@"Tier\s+Trusted", output);
        Assert.Matches(@"Status\s+active", output);
    }

    [Fact]
    public async Task Advisories_lists_what_is_open_and_when_the_rest_opens()
    {
        var output = (await server.Run(server.PartnerKey("Bastion"), "me", "advisories")).Ok();

        Assert.Contains("FW-2026-1202 — Privilege escalation in Halcyon Sync Agent through a writable update cache (notified, release 2026-12-02 17:00 UTC)", output);
        Assert.Contains("FW-2025-0708 — Remote code execution in Halcyon Collaboration Server through the ToolPane endpoint (released, release 2025-07-08 17:00 UTC)", output);
        Assert.Contains("at 2026-11-30 12:00 UTC", output); // the embargoed PoC's wave

        var json = (await server.Run(server.PartnerKey("Bastion"), "me", "advisories", "--json")).Json().AsArray();
        var embargoed = json.Single(a => (string?)a!["reference"] == "FW-2026-1202")!["artifacts"]!.AsArray();
        Assert.Equal(["notice", "detection"], embargoed.Where(a => (bool)a!["open"]!).Select(a => (string?)a!["class"]));
        // Every artifact id is printed whole, so it can be copied into 'me fetch'.
        foreach (var id in json.SelectMany(a => a!["artifacts"]!.AsArray()).Select(a => (string)a!["id"]!))
            Assert.Contains(id, output);
    }

    [Fact]
    public async Task Fetch_writes_the_partners_exact_bytes_to_the_out_file()
    {
        var detection = await Artifact("Fjordwatch", "FW-2025-0708", "detection");
        var id = (string)detection["id"]!;
        var file = Path.Combine(_dir, "toolpane.yar");

        var output = (await server.Run(server.PartnerKey("Fjordwatch"), "me", "fetch", id, "--out", file)).Ok();

        var written = await File.ReadAllBytesAsync(file);
        Assert.Equal(await FetchOverHttp("Fjordwatch", id), written);
        // The size listed is the original's; a marked copy differs where its marks and the author's example values do.
        Assert.InRange(written.Length, (long)detection["size"]! * 3 / 4, (long)detection["size"]! * 5 / 4);
        Assert.StartsWith($"Saved {written.Length} bytes to {file} (sha256 {Convert.ToHexStringLower(SHA256.HashData(written))}).\n", output);
        // The download's receipt is kept beside it, for an offline check against the log's key.
        Assert.Contains($"Saved the log receipt (entry ", output);
        Assert.True(File.Exists(file + ".receipt.json"), output);
    }

    [Fact]
    public async Task Fetch_prints_text_content_to_stdout()
    {
        var id = (string)(await Artifact("Fjordwatch", "FW-2025-0708", "mitigation"))["id"]!;

        var output = (await server.Run(server.PartnerKey("Fjordwatch"), "me", "fetch", id)).Ok();

        var text = System.Text.Encoding.UTF8.GetString(await FetchOverHttp("Fjordwatch", id));
        Assert.Equal(text.EndsWith('\n') ? text : text + "\n", output);
    }

    [Fact]
    public async Task Fetch_of_an_artifact_not_yet_open_is_refused_with_its_opening_time()
    {
        var poc = await Artifact("Bastion", "FW-2026-1202", "poc");
        Assert.False((bool)poc["open"]!);
        var file = Path.Combine(_dir, "poc.cs");

        var (exit, stdout, stderr) = await server.Run(server.PartnerKey("Bastion"), "me", "fetch", (string)poc["id"]!, "--out", file);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("This artifact is not open to you yet: it opens 2026-11-30 12:00 UTC.", stderr);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Fetch_of_an_unknown_artifact_or_into_a_missing_directory_exits_1()
    {
        var unknown = await server.Run(server.PartnerKey("Bastion"), "me", "fetch", Guid.NewGuid().ToString());
        Assert.Contains("not found", unknown.Failed(1), StringComparison.OrdinalIgnoreCase);

        var id = (string)(await Artifact("Bastion", "FW-2025-0708", "notice"))["id"]!;
        var nowhere = Path.Combine(_dir, "no-such-dir", "notice.txt");
        var missingDir = await server.Run(server.PartnerKey("Bastion"), "me", "fetch", id, "--out", nowhere);
        Assert.Contains($"directory {Path.GetDirectoryName(nowhere)} does not exist.", missingDir.Failed(1));
    }

    [Fact]
    public async Task Ack_records_the_acknowledgement_once()
    {
        var key = server.PartnerKey("Oakridge");

        var output = (await server.Run(key, "me", "ack", "fw-2025-0708", "--note", "signatures staged")).Ok();
        Assert.Equal("Acknowledged fw-2025-0708 at 2026-11-28 12:00 UTC.\n", output);

        var mine = (await server.Run(key, "me", "advisories", "--json")).Json().AsArray();
        var acked = mine.Single(a => (string?)a!["reference"] == "FW-2025-0708")!;
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T12:00:00Z"), DateTimeOffset.Parse((string)acked["acknowledgedAt"]!));
        Assert.Null(mine.Single(a => (string?)a!["reference"] == "FW-2026-1202")!["acknowledgedAt"]);
        var table = (await server.Run(key, "me", "advisories")).Ok();
        Assert.Contains("(released, release 2025-07-08 17:00 UTC, acknowledged 2026-11-28 12:00 UTC)",
            System.Text.RegularExpressions.Regex.Replace(table, @"\s+", " ")); // a long heading may wrap

        var again = (await server.Run(key, "me", "ack", "FW-2025-0708", "--note", "second time", "--json")).Json();
        Assert.Equal("signatures staged", (string?)again["note"]);
        Assert.Equal("FW-2025-0708", (string?)again["reference"]);
    }

    [Fact]
    public async Task Ack_of_an_advisory_the_partner_may_not_know_is_not_found()
    {
        // Under R3 the CN partner gets nothing of the embargoed advisory before release.
        var err = (await server.Run(server.PartnerKey("Jadewall"), "me", "ack", "FW-2026-1202")).Failed(1);

        Assert.Contains("not found", err, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FW-2026-1202", (await server.Run(server.PartnerKey("Jadewall"), "me", "advisories")).Ok());
    }

    [Fact]
    public async Task A_staff_key_has_no_partner_view()
    {
        var err = (await server.Run(server.StaffKey, "me", "advisories")).Failed(1);

        Assert.StartsWith("error: Forbidden", err);
    }
}
