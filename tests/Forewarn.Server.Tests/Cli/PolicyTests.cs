using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn policy show|explain</c>: the demo's rules and the July 2025 change (R3).</summary>
public sealed class PolicyTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<string> ReplayArtifact(string cls)
    {
        var advisory = (await server.Run(server.StaffKey, "advisories", "show", "FW-2025-0708", "--json")).Json();
        return (string)advisory["artifacts"]!.AsArray().Single(a => (string?)a!["class"] == cls)!["id"]!;
    }

    [Fact]
    public async Task Show_lists_the_version_in_force_and_its_rules()
    {
        var output = (await server.Run(server.StaffKey, "policy", "show")).Ok();

        Assert.Matches(@"Version\s+2\n", output);
        Assert.Matches(@"Effective from\s+2025-07-20 00:00 UTC", output);
        Assert.Matches(@"│ R1\s+│ public-at-release", output);
        Assert.Matches(@"│ R2\s+│ probation-withhold", output);
        Assert.Matches(@"│ R3\s+│ jurisdiction-limit", output);

        var json = (await server.Run(server.StaffKey, "policy", "show", "--json")).Json();
        Assert.Equal(["R1", "R2", "R3"], json["rules"]!.AsArray().Select(r => (string?)r!["id"]));
    }

    [Fact]
    public async Task Explain_denies_the_PoC_to_the_CN_partner_naming_R3()
    {
        var poc = await ReplayArtifact("poc");

        var output = (await server.Run(server.StaffKey, "policy", "explain", "--partner", server.PartnerId("Jadewall"), "--artifact", poc)).Ok();

        Assert.Matches(@"Verdict\s+denied", output);
        Assert.Matches(@"Allowed\s+no", output);
        Assert.Matches(@"At\s+2026-11-28 12:00 UTC", output); // the server's clock, not the machine's
        Assert.Matches(@"Opens at\s+not under the current policy", output);
        Assert.Contains("rule R3 since 2025-07-20", output);
        Assert.Matches(@"│ R3\s+│ denies", output);
    }

    [Fact]
    public async Task Explain_before_the_policy_change_allows_the_PoC()
    {
        var poc = await ReplayArtifact("poc");

        var output = (await server.Run(server.StaffKey,
            "policy", "explain", "--partner", server.PartnerId("Jadewall"), "--artifact", poc, "--at", "2025-07-07T12:00:00Z")).Ok();

        Assert.Matches(@"Verdict\s+allowed", output);
        Assert.Matches(@"Allowed\s+yes", output);
        Assert.Matches(@"At\s+2025-07-07 12:00 UTC", output);
        Assert.DoesNotContain("R3", output);

        var json = (await server.Run(server.StaffKey,
            "policy", "explain", "--partner", server.PartnerId("Jadewall"), "--artifact", poc, "--at", "2025-07-07 14:00+02:00", "--json")).Json();
        Assert.True((bool)json["allowed"]!);
        Assert.Equal(DateTimeOffset.Parse("2025-07-07T12:00:00Z"), DateTimeOffset.Parse((string)json["at"]!));
        Assert.Equal(DateTimeOffset.Parse("2025-07-07T09:00:00Z"), DateTimeOffset.Parse((string)json["opensAt"]!));
    }

    [Fact]
    public async Task Explain_json_names_the_deciding_rule_for_a_restricted_partner()
    {
        var poc = await ReplayArtifact("poc");

        var json = (await server.Run(server.StaffKey,
            "policy", "explain", "--partner", server.PartnerId("Quillon"), "--artifact", poc, "--json")).Json();

        Assert.False((bool)json["allowed"]!);
        Assert.Contains("withheld from Quillon Cloud Guard K.K. by a restriction", (string?)json["explanation"]);
        Assert.NotEmpty(json["decidingRules"]!.AsArray());
    }

    [Fact]
    public async Task Explain_with_an_unparsable_time_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey,
            "policy", "explain", "--partner", server.PartnerId("Jadewall"), "--artifact", Guid.NewGuid().ToString(), "--at", "07/07/2025");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("'07/07/2025' is not a time for --at", stderr);
    }

    [Fact]
    public async Task Explain_for_an_unknown_artifact_exits_1()
    {
        var err = (await server.Run(server.StaffKey,
            "policy", "explain", "--partner", server.PartnerId("Jadewall"), "--artifact", Guid.NewGuid().ToString())).Failed(1);

        Assert.Contains("not found", err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Explain_with_the_facts_version_of_an_access_entry_gives_its_verdict_after_later_changes()
    {
        var own = new CliServer();
        await own.InitializeAsync();
        try
        {
            var advisory = (await own.Run(own.StaffKey, "advisories", "show", DemoFacts.Replay, "--json")).Json();
            var poc = (string)advisory["artifacts"]!.AsArray().Single(a => (string?)a!["class"] == "poc")!["id"]!;
            var jadewall = own.PartnerId("Jadewall");
            (await own.Run(own.PartnerKey("Jadewall"), "me", "fetch", poc)).Failed(1);
            var record = (await own.Run(own.StaffKey, "access-records", "--partner", jadewall, "--artifact", poc, "--limit", "1", "--json")).Json().AsArray().Single()!;
            Assert.False((bool)record["allowed"]!);
            var version = (string)record["factsVersion"]!;
            var at = (string)record["at"]!;

            // Later the partner moves out of the reporting jurisdiction: today the PoC is open to it.
            using var staff = own.Staff();
            var moved = await staff.PatchAsJsonAsync($"/api/v1/partners/{jadewall}", new { headquartersCountry = "JP", jurisdictions = new[] { "JP" } });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.True((bool)(await own.Run(own.StaffKey, "policy", "explain", "--partner", jadewall, "--artifact", poc, "--json")).Json()["allowed"]!);

            // Re-decided at the entry's time with its facts version: the logged verdict, naming R3.
            var then = (await own.Run(own.StaffKey, "policy", "explain", "--partner", jadewall, "--artifact", poc,
                "--at", at, "--facts-version", version, "--json")).Json();
            Assert.False((bool)then["allowed"]!);
            Assert.Equal((string?)record["verdict"], (string?)then["verdict"]);
            Assert.Contains("R3", then["decidingRules"]!.ToJsonString());
        }
        finally
        {
            await own.DisposeAsync();
        }
    }
}
