using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn access-records</c>: partners fetch through the CLI, staff read what was decided.</summary>
public sealed class AccessRecordsTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<Dictionary<string, string>> EmbargoArtifacts()
    {
        var advisory = (await server.Run(server.StaffKey, "advisories", "show", "FW-2026-1202", "--json")).Json();
        return advisory["artifacts"]!.AsArray().ToDictionary(a => (string)a!["class"]!, a => (string)a!["id"]!);
    }

    [Fact]
    public async Task Lists_allowed_and_refused_fetches_newest_first()
    {
        var artifacts = await EmbargoArtifacts();
        var bastion = server.PartnerKey("Bastion");
        (await server.Run(bastion, "me", "fetch", artifacts["notice"])).Ok();
        (await server.Run(bastion, "me", "fetch", artifacts["poc"])).Failed(1); // its wave is two days away

        var output = (await server.Run(server.StaffKey, "access-records", "--partner", server.PartnerId("Bastion"))).Ok();

        Assert.Matches($@"│ 2026-11-28 12:00 UTC\s+│ Bastion Endpoint Security GmbH\s+│ {artifacts["poc"]}\s+│ not-yet\s+│", output);
        Assert.Matches($@"│ 2026-11-28 12:00 UTC\s+│ Bastion Endpoint Security GmbH\s+│ {artifacts["notice"]}\s+│ allowed\s+│", output);

        var json = (await server.Run(server.StaffKey, "access-records", "--partner", server.PartnerId("Bastion"), "--json")).Json().AsArray();
        Assert.All(json, r => Assert.Equal(server.PartnerId("Bastion"), (string?)r!["partnerId"]));
        Assert.Contains(json, r => (string?)r!["artifactId"] == artifacts["notice"] && (bool)r["allowed"]!);
        Assert.Contains(json, r => (string?)r!["artifactId"] == artifacts["poc"] && !(bool)r["allowed"]!);

        using var staff = server.Staff();
        var overHttp = JsonNode.Parse(await staff.GetStringAsync($"/api/v1/access-records?partner={server.PartnerId("Bastion")}"))!.AsArray();
        Assert.Equal(overHttp.Count, json.Count);
    }

    [Fact]
    public async Task Filters_by_artifact_and_limits()
    {
        var artifacts = await EmbargoArtifacts();
        (await server.Run(server.PartnerKey("Bastion"), "me", "fetch", artifacts["detection"])).Ok();
        (await server.Run(server.PartnerKey("Bastion"), "me", "fetch", artifacts["detection"])).Ok();

        var json = (await server.Run(server.StaffKey, "access-records", "--artifact", artifacts["detection"], "--json")).Json().AsArray();
        Assert.True(json.Count >= 2);
        Assert.All(json, r => Assert.Equal(artifacts["detection"], (string?)r!["artifactId"]));

        var one = (await server.Run(server.StaffKey, "access-records", "--artifact", artifacts["detection"], "--limit", "1", "--json")).Json().AsArray();
        Assert.Single(one);
    }

    [Fact]
    public async Task Nothing_recorded_says_so()
    {
        var output = (await server.Run(server.StaffKey, "access-records", "--artifact", Guid.NewGuid().ToString())).Ok();
        Assert.Contains("No access records match.", output);
        Assert.Equal("[]", (await server.Run(server.StaffKey, "access-records", "--partner", Guid.NewGuid().ToString(), "--json")).Ok().Trim());
    }

    [Fact]
    public async Task Bad_filters_are_usage_errors()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "access-records", "--partner", "Bastion");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("'Bastion' is not a partner id for --partner", stderr);

        (exit, _, stderr) = await server.Run(server.StaffKey, "access-records", "--limit", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--limit must be between 1 and 1000, not 0.", stderr);
    }

    /// <summary>One rule with the command line: a limit out of range is refused with a problem, not clamped.</summary>
    [Theory]
    [InlineData("/api/v1/access-records", false, 1000)]
    [InlineData("/api/v1/advisories/FW-2025-0708/notices", false, 1000)]
    [InlineData("/api/v1/webhooks/deliveries", false, 1000)]
    [InlineData("/api/v1/me/notices", true, 1000)]
    [InlineData("/api/v1/me/webhooks/deliveries", true, 1000)]
    [InlineData("/api/v1/log/entries", false, 10_000)]
    public async Task The_api_refuses_a_list_limit_out_of_range_as_the_cli_does(string path, bool asPartner, int max)
    {
        using var client = asPartner ? server.WithKey(server.PartnerKey("Bastion")) : server.Staff();

        foreach (var limit in new[] { 0, -1, max + 1 })
        {
            var problem = await (await client.GetAsync($"{path}?limit={limit}")).Problem(HttpStatusCode.BadRequest,
                path.Contains("/log/", StringComparison.Ordinal) ? "log-range" : "invalid-limit");
            Assert.Contains(max.ToString(CultureInfo.InvariantCulture), (string?)problem["detail"], StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?limit={max}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_key_may_not_read_them()
    {
        var err = (await server.Run(server.PartnerKey("Bastion"), "access-records")).Failed(1);
        Assert.StartsWith("error: ", err);
    }
}
