namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn tiers list</c> and <c>forewarn jurisdictions list</c>.</summary>
public sealed class ReferenceDataTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Tiers_list_shows_each_tier_with_its_lead_times()
    {
        var output = (await server.Run(server.StaffKey, "tiers", "list")).Ok();

        Assert.Contains("Lead time before release", output);
        Assert.Matches(@"│ Entry\s+│ New partners", output);
        Assert.Matches(@"│ Trusted\s+│ Long-standing partners", output);
        Assert.Matches(@"│ Validate\s+│ The validate group", output);
        Assert.Contains("poc: 3 days", output);
        Assert.Contains("detection: 14 days", output);
        Assert.Contains("notice: 1 day ", output);
    }

    [Fact]
    public async Task Tiers_list_json_has_the_lead_times_in_days()
    {
        var tiers = (await server.Run(server.StaffKey, "tiers", "list", "--json")).Json().AsArray();

        Assert.Equal(["Entry", "Trusted", "Validate"], tiers.Select(t => (string?)t!["name"]));
        var trusted = tiers.Single(t => (string?)t!["name"] == "Trusted")!;
        Assert.Equal(3, (double)trusted["leadTimeDays"]!["poc"]!);
        Assert.Null(tiers.Single(t => (string?)t!["name"] == "Entry")!["leadTimeDays"]!["poc"]);
    }

    [Fact]
    public async Task Jurisdictions_list_shows_the_legal_facts()
    {
        var output = (await server.Run(server.StaffKey, "jurisdictions", "list")).Ok();

        Assert.Matches(@"│ CN\s+│ People's Republic of China", output);
        Assert.Contains("mandatory-vulnerability-reporting", output);
        Assert.Matches(@"│ EU\s+│ European Union", output);
        Assert.Matches(@"│ US\s+│ United States", output);

        var json = (await server.Run(server.StaffKey, "jurisdictions", "list", "--json")).Json().AsArray();
        Assert.Equal(["CN", "EU", "US"], json.Select(j => (string?)j!["code"]));
    }

    [Fact]
    public async Task A_partner_key_may_not_read_the_tiers()
    {
        var (exit, stdout, stderr) = await server.Run(server.PartnerKey("Bastion"), "tiers", "list");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: Forbidden", stderr);
    }
}
