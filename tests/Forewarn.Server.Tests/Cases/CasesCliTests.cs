using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// <c>forewarn cases open|list|show|add-evidence|decide|decide-appeal|close</c> against a running
/// server. Each test opens its own case and decides on its own demo partner, so they run in any order.
/// </summary>
public sealed class CasesCliTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<string> OpenAsync(string title) =>
        (string)(await server.Run(server.StaffKey, "cases", "open", DemoFacts.Replay, "--title", title, "--json")).Json()["reference"]!;

    [Fact]
    public async Task Open_list_show_and_close_a_case()
    {
        var opened = (await server.Run(server.StaffKey, "cases", "open", DemoFacts.Replay, "--title", "Forum post of 7 July")).Ok();
        var reference = System.Text.RegularExpressions.Regex.Match(opened, @"CASE-\d{4}-\d{4}").Value;
        Assert.Contains($"Opened case {reference} on {DemoFacts.Replay}.", opened, StringComparison.Ordinal);

        Assert.Contains(reference, (await server.Run(server.StaffKey, "cases", "list", "--advisory", DemoFacts.Replay)).Ok(), StringComparison.Ordinal);
        var listed = (await server.Run(server.StaffKey, "cases", "list", "--state", "open", "--json")).Json().AsArray();
        Assert.Contains(listed, c => (string?)c!["reference"] == reference);

        var shown = (await server.Run(server.StaffKey, "cases", "show", reference)).Ok();
        Assert.Matches(@"Title\s+Forum post of 7 July", shown);
        Assert.Contains("Evidence (0)", shown, StringComparison.Ordinal);

        Assert.Contains($"Closed case {reference}.", (await server.Run(server.StaffKey, "cases", "close", reference, "--summary", "Nothing found")).Ok(), StringComparison.Ordinal);
        Assert.Equal("closed", (string?)(await server.Run(server.StaffKey, "cases", "show", reference, "--json")).Json()["state"]);
        var refused = (await server.Run(server.StaffKey, "cases", "close", reference, "--summary", "again")).Failed(1);
        Assert.Contains("was closed", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_evidence_keeps_a_note_and_traces_a_found_file()
    {
        var reference = await OpenAsync("Sample found");
        Assert.Contains("Added evidence 1 (note), SHA-256 ", (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--note", "Seen on a paste site")).Ok(),
            StringComparison.Ordinal);

        using var staff = server.Staff();
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        using var partner = server.Factory.WithKey(server.PartnerKey(DemoFacts.Validate));
        var path = Path.Combine(Path.GetTempPath(), $"found-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, await partner.GetStringAsync($"/api/v1/me/artifacts/{description}/content"));
        try
        {
            var added = (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--file", path)).Ok();
            Assert.Contains("Added evidence 2 (file)", added, StringComparison.Ordinal);
            Assert.Contains("Named Corvid", added, StringComparison.Ordinal);
            var traced = (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--trace", path, "--artifact", description)).Ok();
            Assert.Contains("Added evidence 3 (trace)", traced, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
        var shown = (await server.Run(server.StaffKey, "cases", "show", reference)).Ok();
        Assert.Contains("Evidence (3)", shown, StringComparison.Ordinal);
        Assert.Contains("Seen on a paste site", shown, StringComparison.Ordinal);

        var frozen = (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--exposure-before", "2026-11-28T00:00:00Z")).Ok();
        Assert.Contains("(exposure)", frozen, StringComparison.Ordinal);

        var usage = (await server.Run(server.StaffKey, "cases", "add-evidence", reference)).Failed(2);
        Assert.Contains("Give one of --note or --sighting or --file or --trace or --exposure-before.", usage, StringComparison.Ordinal);
        var missing = (await server.Run(server.StaffKey, "cases", "add-evidence", reference, "--file", "/no/such/file.txt")).Failed(1);
        Assert.Contains("no such file", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_changes_the_partner_and_decide_appeal_overturns_it()
    {
        var reference = await OpenAsync("Early exploitation");
        var saffron = server.PartnerId(DemoFacts.Probation);
        var decided = (await server.Run(server.StaffKey, "cases", "decide", reference, "--partner", saffron, "--decision", "suspend", "--reason", "Copy traced to them")).Ok();
        Assert.Contains("Decision 1 on Saffron", decided, StringComparison.Ordinal);
        Assert.Contains("suspend — in-effect.", decided, StringComparison.Ordinal);
        using var staff = server.Staff();
        Assert.Equal("suspended", (string?)JsonNode.Parse(await staff.GetStringAsync($"/api/v1/partners/{saffron}"))!["status"]);

        var decisions = JsonNode.Parse(await server.Factory.WithKey(server.PartnerKey(DemoFacts.Probation)).GetStringAsync("/api/v1/me/decisions"))!.AsArray();
        using var partner = server.Factory.WithKey(server.PartnerKey(DemoFacts.Probation));
        await partner.PostJson($"/api/v1/me/decisions/{decisions[0]!["id"]}/appeal", new { text = "We did not share it" }, System.Net.HttpStatusCode.OK);

        var appeal = (await server.Run(server.StaffKey, "cases", "decide-appeal", reference, "1", "--outcome", "overturn", "--reason", "Audit clears them")).Ok();
        Assert.Contains("The appeal of decision 1 was overturned.", appeal, StringComparison.Ordinal);
        Assert.Contains("Decision 2 reinstates the partner.", appeal, StringComparison.Ordinal);
        Assert.Equal("probation", (string?)JsonNode.Parse(await staff.GetStringAsync($"/api/v1/partners/{saffron}"))!["status"]);

        var shown = (await server.Run(server.StaffKey, "cases", "show", reference)).Ok();
        Assert.Contains("Decisions (2)", shown, StringComparison.Ordinal);
        Assert.Contains("overturned", shown, StringComparison.Ordinal);

        var bad = (await server.Run(server.StaffKey, "cases", "decide", reference, "--partner", saffron, "--decision", "reinstate", "--lifts", "2", "--reason", "x")).Failed(1);
        Assert.Contains("imposed nothing to lift", bad, StringComparison.Ordinal);
        var wrongKind = (await server.Run(server.StaffKey, "cases", "decide", reference, "--partner", saffron, "--decision", "banish", "--reason", "x")).Failed(2);
        Assert.Contains("banish", wrongKind, StringComparison.Ordinal);
        var partnerKey = (await server.Run(server.PartnerKey(DemoFacts.Trusted), "cases", "list")).Failed(1);
        Assert.Contains("may not", partnerKey, StringComparison.Ordinal);
    }
}
