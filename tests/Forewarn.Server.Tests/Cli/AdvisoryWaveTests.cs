using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// The staff workflow end to end: create, add artifacts (text and file), schedule, plan waves — then the
/// partners' view as the server's clock passes the wave times. The clock moves, so this class has one flow.
/// </summary>
public sealed class AdvisoryWaveTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<JsonObject?> Mine(string partner, string reference)
    {
        var list = (await server.Run(server.PartnerKey(partner), "me", "advisories", "--json")).Json().AsArray();
        return list.SingleOrDefault(a => (string?)a!["reference"] == reference)?.AsObject();
    }

    [Fact]
    public async Task A_new_advisory_reaches_a_trusted_partner_when_its_wave_goes_out()
    {
        var staff = server.StaffKey;
        var now = server.Factory.Clock.GetUtcNow(); // 2026-11-28 12:00 UTC
        Assert.Equal(ForewarnFactory.Start, now);

        // Create a draft.
        var created = (await server.Run(staff, "advisories", "create", "--reference", "fw-2026-7001",
            "--title", "Heap overflow in Halcyon Mail Gateway attachment scanner", "--summary", "A crafted attachment overflows the scanner.",
            "--cve", "cve-2026-70001", "--product", "Halcyon Mail Gateway 3", "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "--release-at", "2026-12-01T17:00:00Z")).Ok();
        Assert.Contains("Created advisory FW-2026-7001 (", created);
        Assert.Matches(@"State\s+draft", created);
        Assert.Matches(@"CVEs\s+CVE-2026-70001", created);
        Assert.Matches(@"CVSS\s+9\.8 Critical", created);

        // Artifacts: one inline text, one text file, one binary file.
        var notice = (await server.Run(staff, "advisories", "add-artifact", "FW-2026-7001", "--title", "Advance notice",
            "--class", "notice", "--tlp", "amber", "--text", "A critical Mail Gateway fix ships on 2026-12-01.", "--json")).Json();
        Assert.Equal("notice", (string?)notice["class"]);
        Assert.StartsWith("text/plain", (string?)notice["mediaType"]);
        var noticeId = (string)notice["id"]!;

        var rules = Path.Combine(_dir, "mailgw.yar");
        await File.WriteAllTextAsync(rules, "rule MailGw_Overflow { strings: $a = \"X-Scan-Part\" condition: $a }\n");
        var rulesBytes = await File.ReadAllBytesAsync(rules);
        var detectionOut = (await server.Run(staff, "advisories", "add-artifact", "FW-2026-7001", "--title", "Detection rules",
            "--class", "detection", "--tlp", "TLP:AMBER+STRICT", "--file", rules)).Ok();
        Assert.Matches(@"Added artifact [0-9a-f-]{36} \(detection, TLP:AMBER\+STRICT\)\.", detectionOut);
        Assert.Matches(@"File name\s+mailgw\.yar", detectionOut);
        Assert.Matches(@"Media type\s+text/plain", detectionOut);
        Assert.Matches($@"Size\s+{rulesBytes.Length}\n", detectionOut);
        Assert.Matches($@"SHA-256\s+{Convert.ToHexStringLower(SHA256.HashData(rulesBytes))}", detectionOut);
        var detectionId = System.Text.RegularExpressions.Regex.Match(detectionOut, @"Added artifact ([0-9a-f-]{36})").Groups[1].Value;

        var pocFile = Path.Combine(_dir, "poc.bin");
        var pocBytes = new byte[] { 0x4d, 0x5a, 0x00, 0x01, 0xff, 0xfe, 0x80, 0x00, 0x7f, 0x0a, 0x0d, 0x00 };
        await File.WriteAllBytesAsync(pocFile, pocBytes);
        var poc = (await server.Run(staff, "advisories", "add-artifact", "FW-2026-7001", "--title", "Proof of concept",
            "--class", "poc", "--tlp", "red", "--file", pocFile, "--json")).Json();
        Assert.Equal("application/octet-stream", (string?)poc["mediaType"]);
        Assert.Equal(pocBytes.Length, (long)poc["size"]!);
        var pocId = (string)poc["id"]!;

        // A draft cannot have waves.
        var draftWave = await server.Run(staff, "advisories", "schedule-wave", "FW-2026-7001", "--at", "2026-11-28T14:00Z", "--artifact", noticeId);
        Assert.Contains("FW-2026-7001 is still a draft; schedule it before planning a wave.", draftWave.Failed(1));

        var scheduled = (await server.Run(staff, "advisories", "schedule", "FW-2026-7001")).Ok();
        Assert.Contains("FW-2026-7001 is scheduled; release at 2026-12-01 17:00 UTC.", scheduled);

        // Waves: the first is inferred to be the initial one, the next an update.
        var first = (await server.Run(staff, "advisories", "schedule-wave", "FW-2026-7001", "--at", "2026-11-28T14:00:00Z",
            "--artifact", $"{noticeId},{detectionId}", "--note", "first notice")).Ok();
        Assert.Matches(@"Scheduled wave 1 \(initial\) at 2026-11-28 14:00 UTC with 2 artifacts; id [0-9a-f-]{36}\.", first);
        var second = (await server.Run(staff, "advisories", "schedule-wave", "FW-2026-7001", "--at", "2026-11-29T12:00:00Z",
            "--artifact", pocId)).Ok();
        Assert.Matches(@"Scheduled wave 2 \(update\) at 2026-11-29 12:00 UTC with 1 artifact; id", second);

        var shown = (await server.Run(staff, "advisories", "show", "FW-2026-7001", "--json")).Json();
        Assert.Equal("scheduled", (string?)shown["state"]);
        Assert.Equal(3, shown["artifacts"]!.AsArray().Count);
        Assert.Equal(["initial", "update"], shown["waves"]!.AsArray().Select(w => (string?)w!["kind"]));

        // Before the first wave nothing of it is shown to anyone.
        Assert.Null(await Mine("Bastion", "FW-2026-7001"));

        // 13:59: still nothing.
        server.Factory.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Null(await Mine("Bastion", "FW-2026-7001"));

        // 14:01: the Trusted partner gets notice and detection now, and sees when the PoC opens.
        server.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var mine = await Mine("Bastion", "FW-2026-7001");
        Assert.NotNull(mine);
        Assert.Equal("notified", (string?)mine["state"]);
        var artifacts = mine["artifacts"]!.AsArray().ToDictionary(a => (string)a!["class"]!, a => a!);
        Assert.True((bool)artifacts["notice"]["open"]!);
        Assert.True((bool)artifacts["detection"]["open"]!);
        Assert.False((bool)artifacts["poc"]["open"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T12:00:00Z"), DateTimeOffset.Parse((string)artifacts["poc"]["opensAt"]!));

        // The entry tier waits for its one day of lead time; the CN partner gets only the notice at release (R3).
        Assert.Null(await Mine("Emberline", "FW-2026-7001"));
        Assert.Null(await Mine("Jadewall", "FW-2026-7001"));

        // The human view says the same.
        var table = (await server.Run(server.PartnerKey("Bastion"), "me", "advisories")).Ok();
        Assert.Contains("FW-2026-7001 — Heap overflow in Halcyon Mail Gateway attachment scanner (notified, release 2026-12-01 17:00 UTC)", table);
        Assert.Contains("at 2026-11-29 12:00 UTC", table);

        // The PoC is refused until its wave, then served byte for byte; binary content needs --out.
        var early = await server.Run(server.PartnerKey("Bastion"), "me", "fetch", pocId, "--out", Path.Combine(_dir, "early.bin"));
        Assert.Contains("not open to you yet", early.Failed(1));
        Assert.False(File.Exists(Path.Combine(_dir, "early.bin")));

        server.Factory.Clock.Advance(TimeSpan.FromHours(22)); // 2026-11-29 12:01
        var toStdout = await server.Run(server.PartnerKey("Bastion"), "me", "fetch", pocId);
        Assert.Contains("is binary (application/octet-stream); use --out FILE", toStdout.Failed(1));

        var saved = Path.Combine(_dir, "saved.bin");
        var fetched = (await server.Run(server.PartnerKey("Bastion"), "me", "fetch", pocId, "--out", saved)).Ok();
        var bytes = await File.ReadAllBytesAsync(saved);
        Assert.Contains($"Saved {bytes.Length} bytes to {saved} (sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}).", fetched);
        Assert.Equal(pocBytes.Length, bytes.Length);

        // At release the entry tier has everything but the PoC, and the CN partner only notice and description.
        server.Factory.Clock.Advance(TimeSpan.FromDays(3)); // 2026-12-02 12:01
        var entry = await Mine("Emberline", "FW-2026-7001");
        Assert.NotNull(entry);
        Assert.Equal("released", (string?)entry["state"]);
        Assert.Equal(["notice", "detection"], entry["artifacts"]!.AsArray().Select(a => (string?)a!["class"]));
        var cn = await Mine("Jadewall", "FW-2026-7001");
        Assert.NotNull(cn);
        Assert.Equal(["notice"], cn["artifacts"]!.AsArray().Select(a => (string?)a!["class"]));
    }

    [Fact]
    public async Task A_wave_naming_something_that_is_not_an_artifact_id_is_a_usage_error()
    {
        var notice = (string)(await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json()["artifacts"]![0]!["id"]!;
        var before = (await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json()["waves"]!.AsArray().Count;

        var (exit, stdout, stderr) = await server.Run(server.StaffKey,
            "advisories", "schedule-wave", "FW-2026-1202", "--at", "2026-12-31", "--artifact", $"{notice},detection-rules");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("'detection-rules' is not an artifact id for --artifact", stderr);
        Assert.DoesNotContain("json", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json()["waves"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_wave_in_the_past_is_refused()
    {
        var past = server.Factory.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm'Z'");
        var any = (string)(await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json()["artifacts"]![0]!["id"]!;

        var err = (await server.Run(server.StaffKey, "advisories", "schedule-wave", "FW-2026-1202", "--at", past, "--artifact", any)).Failed(1);

        Assert.Contains("A wave cannot be planned in the past.", err);
    }
}
