using System.Net;
using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn advisories revise|move-release|withdraw|cancel-wave</c>. Each test works on its own advisory
/// (or on a part of the demo no other test here touches) and the clock stays put, so they run in any order.
/// </summary>
public sealed class AdvisoryChangeTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<JsonNode> AdvisoryOverHttp(string reference)
    {
        using var staff = server.Staff();
        return JsonNode.Parse(await staff.GetStringAsync($"/api/v1/advisories/{reference}"))!;
    }

    private async Task CreateDraft(string reference, string releaseAt = "2026-12-10T17:00:00Z") =>
        (await server.Run(server.StaffKey, "advisories", "create", "--reference", reference,
            "--title", "Path traversal in Halcyon Backup Console", "--summary", "A crafted path escapes the restore folder.",
            "--cve", "CVE-2026-80001", "--product", "Halcyon Backup Console 5",
            "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "--release-at", releaseAt)).Ok();

    [Fact]
    public async Task Withdraw_stops_the_advisory_and_keeps_the_reason()
    {
        await CreateDraft("FW-2026-8101");

        var output = (await server.Run(server.StaffKey, "advisories", "withdraw", "FW-2026-8101", "--reason", "duplicate of FW-2026-1202")).Ok();

        Assert.Contains("FW-2026-8101 is withdrawn since 2026-11-28 12:00 UTC: duplicate of FW-2026-1202", output);
        var advisory = await AdvisoryOverHttp("FW-2026-8101");
        Assert.Equal("withdrawn", (string?)advisory["state"]);
        Assert.Equal("duplicate of FW-2026-1202", (string?)advisory["withdrawnReason"]);
        Assert.Contains(advisory["revisions"]!.AsArray(), r => (string?)r!["summary"] == "Withdrawn: duplicate of FW-2026-1202");

        // A second withdrawal is refused in the server's words, and a withdrawn advisory can no longer be revised.
        var again = (await server.Run(server.StaffKey, "advisories", "withdraw", "FW-2026-8101", "--reason", "again")).Failed(1);
        Assert.StartsWith("error: ", again);
        Assert.Contains("FW-2026-8101 is already withdrawn.", again);
        var revise = (await server.Run(server.StaffKey, "advisories", "revise", "FW-2026-8101", "--title", "x", "--change", "x")).Failed(1);
        Assert.Contains("FW-2026-8101 was withdrawn and cannot be revised.", revise);
    }

    [Fact]
    public async Task Withdraw_without_a_reason_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "advisories", "withdraw", "FW-2026-1202");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--reason", stderr);
        Assert.NotEqual("withdrawn", (string?)(await AdvisoryOverHttp("FW-2026-1202"))["state"]);
    }

    [Fact]
    public async Task Move_release_postpones_and_records_why()
    {
        await CreateDraft("FW-2026-8102");

        var output = (await server.Run(server.StaffKey, "advisories", "move-release", "FW-2026-8102",
            "--release-at", "2026-12-15 17:00", "--reason", "vendor needs another week")).Ok();

        Assert.Contains("FW-2026-8102 now releases at 2026-12-15 17:00 UTC (draft).", output);
        var advisory = await AdvisoryOverHttp("FW-2026-8102");
        Assert.Equal(DateTimeOffset.Parse("2026-12-15T17:00:00Z"), DateTimeOffset.Parse((string)advisory["releaseAt"]!));
        var revision = (string?)advisory["revisions"]!.AsArray()[^1]!["summary"];
        Assert.Contains("vendor needs another week", revision);

        var json = (await server.Run(server.StaffKey, "advisories", "move-release", "FW-2026-8102",
            "--release-at", "2026-12-14T09:00:00+01:00", "--reason", "advanced after all", "--json")).Json();
        Assert.Equal(DateTimeOffset.Parse("2026-12-14T08:00:00Z"), DateTimeOffset.Parse((string)json["releaseAt"]!));
    }

    [Fact]
    public async Task Move_release_into_the_past_exits_1_and_changes_nothing()
    {
        await CreateDraft("FW-2026-8103");

        var err = (await server.Run(server.StaffKey, "advisories", "move-release", "FW-2026-8103",
            "--release-at", "2026-11-01", "--reason", "oops")).Failed(1);

        Assert.Contains("The new release time must lie in the future.", err);
        var advisory = await AdvisoryOverHttp("FW-2026-8103");
        Assert.Equal(DateTimeOffset.Parse("2026-12-10T17:00:00Z"), DateTimeOffset.Parse((string)advisory["releaseAt"]!));
    }

    [Fact]
    public async Task Cancel_wave_removes_a_wave_still_to_come()
    {
        await CreateDraft("FW-2026-8104");
        var notice = (string)(await server.Run(server.StaffKey, "advisories", "add-artifact", "FW-2026-8104", "--title", "Notice",
            "--class", "notice", "--tlp", "amber", "--text", "A fix ships soon.", "--json")).Json()["id"]!;
        (await server.Run(server.StaffKey, "advisories", "schedule", "FW-2026-8104")).Ok();
        (await server.Run(server.StaffKey, "advisories", "schedule-wave", "FW-2026-8104", "--at", "2026-12-01T09:00Z", "--artifact", notice)).Ok();
        (await server.Run(server.StaffKey, "advisories", "schedule-wave", "FW-2026-8104", "--at", "2026-12-02T09:00Z", "--artifact", notice)).Ok();

        var output = (await server.Run(server.StaffKey, "advisories", "cancel-wave", "FW-2026-8104", "2")).Ok();

        Assert.Equal("Cancelled wave 2 of FW-2026-8104.\n", output.ReplaceLineEndings("\n"));
        using var staff = server.Staff();
        var waves = JsonNode.Parse(await staff.GetStringAsync("/api/v1/advisories/FW-2026-8104/waves"))!.AsArray();
        Assert.Equal([1], waves.Select(w => (int)w!["number"]!));

        // It is gone: cancelling it again names the missing wave.
        var again = (await server.Run(server.StaffKey, "advisories", "cancel-wave", "FW-2026-8104", "2")).Failed(1);
        Assert.Contains("not found", again, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cancel_wave_that_went_out_exits_1_with_the_servers_sentence()
    {
        // The demo's embargoed advisory: wave 1 went out at "now", waves 2 and 3 are to come.
        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "advisories", "cancel-wave", "FW-2026-1202", "1");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("Wave 1 went out at 2026-11-28 12:00 UTC; a published wave cannot be cancelled. Plan a revised wave instead.", stderr);
        Assert.DoesNotContain("   at ", stderr);
        using var staff = server.Staff();
        var response = await staff.GetAsync("/api/v1/advisories/FW-2026-1202/waves");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var waves = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal([1, 2, 3], waves.Select(w => (int)w!["number"]!));
    }

    [Fact]
    public async Task Cancel_wave_with_a_number_that_is_not_one_is_a_usage_error()
    {
        var (exit, _, stderr) = await server.Run(server.StaffKey, "advisories", "cancel-wave", "FW-2026-1202", "two");
        Assert.Equal(2, exit);
        Assert.Contains("two", stderr);

        (exit, _, stderr) = await server.Run(server.StaffKey, "advisories", "cancel-wave", "FW-2026-1202", "0");
        Assert.Equal(2, exit);
        Assert.Contains("the wave number must be 1 or more, not 0.", stderr);
    }

    [Fact]
    public async Task Revise_sends_only_the_fields_given()
    {
        await CreateDraft("FW-2026-8105");

        var output = (await server.Run(server.StaffKey, "advisories", "revise", "FW-2026-8105",
            "--cve", "cve-2026-80001,cve-2026-80002", "--cvss", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "--change", "Second CVE assigned; attack complexity is high")).Ok();

        Assert.Contains("Revised FW-2026-8105 (revision 2).", output); // revision 1 is the creation
        Assert.Matches(@"CVEs\s+CVE-2026-80001, CVE-2026-80002", output);
        Assert.Matches(@"CVSS\s+8\.1 High", output);
        var advisory = await AdvisoryOverHttp("FW-2026-8105");
        Assert.Equal("Path traversal in Halcyon Backup Console", (string?)advisory["title"]);         // untouched
        Assert.Equal("A crafted path escapes the restore folder.", (string?)advisory["summary"]);     // untouched
        Assert.Equal(["Halcyon Backup Console 5"], advisory["products"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["CVE-2026-80001", "CVE-2026-80002"], advisory["cveIds"]!.AsArray().Select(c => (string?)c));
        var revision = advisory["revisions"]!.AsArray()[^1]!;
        Assert.Equal("Second CVE assigned; attack complexity is high", (string?)revision["summary"]);

        var json = (await server.Run(server.StaffKey, "advisories", "revise", "FW-2026-8105",
            "--title", "Path traversal in Halcyon Backup Console restore", "--summary", "", "--product", "Backup Console 5", "Backup Console 6",
            "--change", "Retitled; products named as the vendor does", "--json")).Json();
        Assert.Equal("Path traversal in Halcyon Backup Console restore", (string?)json["title"]);
        Assert.Equal("", (string?)json["summary"]);
        Assert.Equal(["Backup Console 5", "Backup Console 6"], json["products"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(2, json["cveIds"]!.AsArray().Count);
        Assert.Equal(3, json["revisions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Revise_needs_a_change_and_refuses_a_bad_vector()
    {
        await CreateDraft("FW-2026-8106");
        var revisions = (await AdvisoryOverHttp("FW-2026-8106"))["revisions"]!.AsArray().Count;

        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "advisories", "revise", "FW-2026-8106", "--title", "New");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--change", stderr);

        var err = (await server.Run(server.StaffKey, "advisories", "revise", "FW-2026-8106", "--cvss", "CVSS:3.1/AV:X",
            "--change", "new vector")).Failed(1);
        Assert.StartsWith("error: ", err);
        var advisory = await AdvisoryOverHttp("FW-2026-8106");
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", (string?)advisory["cvssVector"]);
        Assert.Equal(revisions, advisory["revisions"]!.AsArray().Count);
    }
}
