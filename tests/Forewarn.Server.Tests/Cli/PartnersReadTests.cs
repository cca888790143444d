namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn partners list|show</c> against the demo roster (read only: the roster stays as the demo made it).</summary>
public sealed class PartnersReadTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task List_draws_a_table_of_the_demo_partners()
    {
        var output = (await server.Run(server.StaffKey, "partners", "list")).Ok();

        Assert.Contains("Legal name", output);
        Assert.Contains("Bastion Endpoint Security GmbH", output);
        Assert.Contains("Jadewall Security Co., Ltd.", output);
        Assert.Contains("Tidewater Analytics Pty Ltd", output);
        Assert.Contains(server.PartnerId("Bastion"), output);
        Assert.Matches(@"Tidewater Analytics Pty Ltd.*suspended", output);
        Assert.Matches(@"Umbra Defense Systems.*applicant", output);
        Assert.Contains("2028-12-31 00:00 UTC", output); // NDA expiry, shown in UTC
        Assert.DoesNotContain("\u001b[", output); // no colour when not a terminal
    }

    [Fact]
    public async Task List_json_is_the_servers_array_of_all_thirteen_partners()
    {
        var partners = (await server.Run(server.StaffKey, "partners", "list", "--json")).Json().AsArray();

        Assert.Equal(13, partners.Count);
        var jadewall = Assert.Single(partners, p => (string?)p!["legalName"] == "Jadewall Security Co., Ltd.")!;
        Assert.Equal(server.PartnerId("Jadewall"), (string?)jadewall["id"]);
        Assert.Equal("CN", (string?)jadewall["headquartersCountry"]);
        Assert.Equal("Trusted", (string?)jadewall["tier"]);
        Assert.Equal("active", (string?)jadewall["status"]);
    }

    [Fact]
    public async Task Show_gives_contract_restrictions_and_history()
    {
        var output = (await server.Run(server.StaffKey, "partners", "show", server.PartnerId("Quillon"))).Ok();

        Assert.Contains("Quillon Cloud Guard K.K.", output);
        Assert.Matches(@"Headquarters\s+JP", output);
        Assert.Matches(@"Tier\s+Trusted", output);
        Assert.Matches(@"NDA version\s+2024\.2", output);
        Assert.Matches(@"Restrictions\s+withheld: poc", output);
        Assert.Contains("History", output);
        Assert.Contains("Vetted; NDA and programme contract signed", output);
    }

    [Fact]
    public async Task Show_json_of_a_suspended_partner_carries_its_history()
    {
        var partner = (await server.Run(server.StaffKey, "partners", "show", server.PartnerId("Tidewater"), "--json")).Json();

        Assert.Equal("suspended", (string?)partner["status"]);
        var history = partner["history"]!.AsArray();
        Assert.Equal("suspended", (string?)history[^1]!["to"]);
        Assert.Contains("NDA clause 4", (string?)history[^1]!["reason"]);
    }

    [Fact]
    public async Task Show_of_an_unknown_partner_exits_1_with_the_servers_not_found()
    {
        var err = (await server.Run(server.StaffKey, "partners", "show", Guid.NewGuid().ToString())).Failed(1);

        Assert.StartsWith("error: ", err);
        Assert.Contains("not found", err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_partner_key_may_not_list_partners()
    {
        var err = (await server.Run(server.PartnerKey("Bastion"), "partners", "list")).Failed(1);

        Assert.StartsWith("error: ", err);
        Assert.Contains("may not", err);
    }
}
