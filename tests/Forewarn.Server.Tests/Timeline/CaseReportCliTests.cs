using System.Net;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Transparency;

namespace Forewarn.Server.Tests.Timeline;

/// <summary>
/// <c>forewarn cases report</c>, <c>cases timeline</c>, <c>advisories timeline</c> and <c>log verify-report</c>: a
/// case with a fetch, an exposure snapshot and a decision is written as one self-contained HTML file whose
/// every cited entry verifies offline with the log's key — and fails, naming the entry, once one byte of an
/// entry or one proof hash is changed.
/// </summary>
public sealed class CaseReportCliTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<CliResult> Offline(params string[] args) => CliServer.RunWith(new Dictionary<string, string?>(), args);

    /// <summary>A case on the replay: Corvid fetched the PoC, the exposure before now is frozen, Corvid is warned. The report's path.</summary>
    private async Task<(string Reference, string Report)> ReportAsync(string name)
    {
        using var staff = server.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        using (var corvid = server.WithKey(server.PartnerKey(DemoFacts.Validate)))
            Assert.Equal(HttpStatusCode.OK, (await corvid.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
        server.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var reference = (string)(await server.Run(server.StaffKey, "cases", "open", DemoFacts.Replay, "--title", "Report <&> check", "--json")).Json()["reference"]!;
        (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--note", "Seen on a forum <script>alert(1)</script>")).Ok();
        (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--exposure-before",
            server.Factory.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))).Ok();
        (await server.Run(server.StaffKey, "cases", "decide", reference, "--partner", server.PartnerId(DemoFacts.Validate), "--decision", "warning",
            "--reason", "PoC copy fetched before the sighting")).Ok();

        var report = Path.Combine(_dir, name);
        var saved = (await server.Run(server.StaffKey, "cases", "report", reference, "--out", report)).Ok();
        Assert.Contains("Saved the case report", saved, StringComparison.Ordinal);
        return (reference, report);
    }

    private async Task<string> KeyFileAsync()
    {
        var keyFile = Path.Combine(_dir, "log.key");
        await File.WriteAllTextAsync(keyFile, await LogTraffic.KeyAsync(server));
        return keyFile;
    }

    [Fact]
    public async Task A_case_report_verifies_offline_and_names_the_entry_that_was_changed()
    {
        var (reference, report) = await ReportAsync("report.html");
        var html = await File.ReadAllTextAsync(report);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("Seen on a forum &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        var evidence = ReportEvidence.FromHtml(html);
        Assert.Equal(reference, evidence.Case);
        Assert.Contains(evidence.Entries, e => e.Cites == "case opened");
        Assert.Contains(evidence.Entries, e => e.Cites == "evidence 2 (exposure)");
        Assert.Contains(evidence.Entries, e => e.Cites.StartsWith("decision 1: warning on Corvid", StringComparison.Ordinal));
        Assert.Contains(evidence.Entries, e => e.Cites.StartsWith("first fetch of poc by Corvid", StringComparison.Ordinal));

        var key = await KeyFileAsync();
        var ok = (await Offline("log", "verify-report", report, "--key", key)).Ok();
        Assert.Matches($@"^All {evidence.Entries.Count} log entries cited by the report of {reference} verify", ok);
        Assert.True((bool)(await Offline("log", "verify-report", report, "--key", key, "--json")).Json()["verified"]!);

        // One character of the decision's entry changed inside the data block: that entry, and no other, is named.
        var decision = evidence.Entries.First(e => e.Cites.StartsWith("decision 1", StringComparison.Ordinal)).Receipt.Index;
        var block = html.IndexOf("id=\"forewarn-evidence\"", StringComparison.Ordinal);
        var reason = html.IndexOf("PoC copy fetched before the sighting", block, StringComparison.Ordinal);
        var altered = Path.Combine(_dir, "altered.html");
        await File.WriteAllTextAsync(altered, html[..reason] + "X" + html[(reason + 1)..]);
        var failed = (await Offline("log", "verify-report", altered, "--key", key)).Failed(3);
        Assert.Contains($"Entry {decision} (decision 1: warning on Corvid", failed, StringComparison.Ordinal);
        Assert.Contains("the entry was altered", failed, StringComparison.Ordinal);

        // A proof hash changed: the inclusion proof no longer leads to the signed root.
        // A hash whose base64 starts with a letter or digit: '+' stands escaped in the page (\u002B), and flipping the
        // escape's backslash would make the data block unreadable rather than the proof wrong (seen once in 64 runs).
        var hash = evidence.Entries.SelectMany(e => e.Receipt.Inclusion.Hashes).Select(Convert.ToBase64String).First(h => char.IsLetterOrDigit(h[0]));
        var at = html.IndexOf(hash.Replace("+", "\\u002B", StringComparison.Ordinal), block, StringComparison.Ordinal);
        Assert.True(at > 0);
        var flipped = html[..at] + (html[at] == 'A' ? 'B' : 'A') + html[(at + 1)..];
        await File.WriteAllTextAsync(altered, flipped);
        var wrongProof = (await Offline("log", "verify-report", altered, "--key", key)).Failed(3);
        Assert.Matches($@"Entry \d+ \(.+\) does not verify: The inclusion proof of index \d+ does not lead to the root", wrongProof);

        var notReport = Path.Combine(_dir, "page.html");
        await File.WriteAllTextAsync(notReport, "<html><body>hello</body></html>");
        Assert.Contains("is not a verifiable case report", (await Offline("log", "verify-report", notReport, "--key", key)).Failed(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timelines_are_saved_as_svg_or_png_by_the_files_extension()
    {
        var svg = Path.Combine(_dir, "replay.svg");
        Assert.Contains("Saved the timeline of", (await server.Run(server.StaffKey, "advisories", "timeline", DemoFacts.Replay, "--out", svg)).Ok(), StringComparison.Ordinal);
        Assert.Contains("<svg", await File.ReadAllTextAsync(svg), StringComparison.Ordinal);
        var reference = (string)(await server.Run(server.StaffKey, "cases", "open", DemoFacts.Replay, "--title", "Timeline", "--json")).Json()["reference"]!;
        var png = Path.Combine(_dir, "case.png");
        (await server.Run(server.StaffKey, "cases", "timeline", reference, "--out", png)).Ok();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png))[..4]);

        var wrong = (await server.Run(server.StaffKey, "cases", "timeline", reference, "--out", Path.Combine(_dir, "case.gif"))).Failed(2);
        Assert.Contains("'case.gif' does not end in .svg or .png", wrong, StringComparison.Ordinal);
        Assert.Contains("does not end in .html", (await server.Run(server.StaffKey, "cases", "report", reference, "--out", png)).Failed(2), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "case.gif")));
        Assert.Contains("CASE-1999-0001", (await server.Run(server.StaffKey, "cases", "timeline", "CASE-1999-0001", "--out", svg)).Failed(1), StringComparison.Ordinal);
    }
}
