using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn partners update</c>: each test changes a different demo partner, so they run in any order.</summary>
public sealed class PartnerUpdateTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task<JsonNode> PartnerOverHttp(string id)
    {
        using var staff = server.Staff();
        return JsonNode.Parse(await staff.GetStringAsync($"/api/v1/partners/{id}"))!;
    }

    private async Task<string> IdOf(string legalName)
    {
        var list = (await server.Run(server.StaffKey, "partners", "list", "--json")).Json().AsArray();
        return (string)list.Single(p => (string?)p!["legalName"] == legalName)!["id"]!;
    }

    [Fact]
    public async Task Update_changes_only_what_is_given()
    {
        var id = await IdOf("Corvid Networks Inc.");
        var before = await PartnerOverHttp(id);

        var output = (await server.Run(server.StaffKey, "partners", "update", id,
            "--name", "Corvid Networks Holdings Inc.", "--country", "ca", "--jurisdiction", "EU", "US")).Ok();

        Assert.Contains($"Updated partner Corvid Networks Holdings Inc. ({id}).", output);
        Assert.Matches(@"Headquarters\s+CA", output);
        var after = await PartnerOverHttp(id);
        Assert.Equal("Corvid Networks Holdings Inc.", (string?)after["legalName"]);
        Assert.Equal("CA", (string?)after["headquartersCountry"]);
        Assert.Equal(["EU", "US"], after["jurisdictions"]!.AsArray().Select(j => (string?)j));
        Assert.Equal((string?)before["category"], (string?)after["category"]);
        Assert.Equal((string?)before["tier"], (string?)after["tier"]);
        Assert.Equal(before["contract"]!.ToJsonString(), after["contract"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_of_one_contract_field_keeps_the_others()
    {
        var id = await IdOf("Emberline Labs Ltd");
        var before = (await PartnerOverHttp(id))["contract"]!;

        var json = (await server.Run(server.StaffKey, "partners", "update", id, "--expires-at", "2030-06-30", "--json")).Json();

        Assert.Equal(DateTimeOffset.Parse("2030-06-30T00:00:00Z"), DateTimeOffset.Parse((string)json["contract"]!["expiresAt"]!));
        var after = (await PartnerOverHttp(id))["contract"]!;
        Assert.Equal((string?)before["ndaVersion"], (string?)after["ndaVersion"]);
        Assert.Equal(DateTimeOffset.Parse((string)before["signedAt"]!), DateTimeOffset.Parse((string)after["signedAt"]!));
        Assert.Equal(DateTimeOffset.Parse("2030-06-30T00:00:00Z"), DateTimeOffset.Parse((string)after["expiresAt"]!));

        var renewed = (await server.Run(server.StaffKey, "partners", "update", id, "--nda-version", "2026.1", "--signed-at", "2026-11-20")).Ok();
        Assert.Matches(@"NDA version\s+2026\.1", renewed);
        Assert.Matches(@"Signed\s+2026-11-20 00:00 UTC", renewed);
        Assert.Matches(@"Expires\s+2030-06-30 00:00 UTC", renewed);
    }

    [Fact]
    public async Task Update_sets_and_clears_restrictions_and_category()
    {
        var id = await IdOf("Quillon Cloud Guard K.K.");

        var output = (await server.Run(server.StaffKey, "partners", "update", id, "--restrict", "none", "--category", "managed-security")).Ok();
        Assert.Matches(@"Restrictions\s+none", output);
        var after = await PartnerOverHttp(id);
        Assert.Empty(after["restrictions"]!.AsArray());
        Assert.Equal("managed-security", (string?)after["category"]);

        (await server.Run(server.StaffKey, "partners", "update", id, "--restrict", "poc,indicators")).Ok();
        Assert.Equal(["poc", "indicators"], (await PartnerOverHttp(id))["restrictions"]!.AsArray().Select(r => (string?)r).Order().Reverse());

        var mixed = (await server.Run(server.StaffKey, "partners", "update", id, "--restrict", "none", "poc")).Failed(1);
        Assert.Contains("--restrict none clears the list; give it alone.", mixed);
    }

    [Fact]
    public async Task Update_refusals_exit_1_and_change_nothing()
    {
        var id = await IdOf("Greyharbor Managed Defense LLC");
        var before = (await PartnerOverHttp(id)).ToJsonString();

        var err = (await server.Run(server.StaffKey, "partners", "update", id, "--jurisdiction", "ZZ")).Failed(1);
        Assert.StartsWith("error: ", err);
        Assert.Contains("ZZ is neither a registered jurisdiction nor an ISO 3166-1 country code.", err);

        err = (await server.Run(server.StaffKey, "partners", "update", id, "--name", "Bastion Endpoint Security GmbH")).Failed(1);
        Assert.Contains("A partner named 'Bastion Endpoint Security GmbH' already exists.", err);

        err = (await server.Run(server.StaffKey, "partners", "update", id, "--signed-at", "2031-01-01")).Failed(1);
        Assert.Contains("The contract must expire after it was signed.", err);

        Assert.Equal(before, (await PartnerOverHttp(id)).ToJsonString());
    }

    [Fact]
    public async Task Update_without_a_change_or_with_a_bad_category_is_a_usage_error()
    {
        var id = await IdOf("Greyharbor Managed Defense LLC");

        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "partners", "update", id);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("Give at least one change", stderr);

        (exit, _, stderr) = await server.Run(server.StaffKey, "partners", "update", id, "--category", "bank");
        Assert.Equal(2, exit);
        Assert.Contains("bank", stderr);
    }

    [Fact]
    public async Task Update_of_an_unknown_partner_exits_1()
    {
        var err = (await server.Run(server.StaffKey, "partners", "update", Guid.NewGuid().ToString(), "--country", "DE")).Failed(1);
        Assert.Contains("not found", err, StringComparison.OrdinalIgnoreCase);
    }
}
