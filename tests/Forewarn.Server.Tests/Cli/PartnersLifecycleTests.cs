using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn partners add|set-tier|suspend|reinstate|remove</c>: each test changes a different demo
/// partner (or adds its own), so the tests of this class may run in any order against one server.
/// </summary>
public sealed class PartnersLifecycleTests(CliServer server) : IClassFixture<CliServer>
{
    private static readonly string[] AddOptions =
    [
        "--country", "ch", "--category", "cert", "--tier", "Entry", "--nda-version", "2026.1",
        "--signed-at", "2026-11-01", "--expires-at", "2028-11-01T00:00:00Z",
    ];

    private async Task<JsonArray> PartnersOverHttp()
    {
        using var staff = server.Staff();
        return JsonNode.Parse(await staff.GetStringAsync("/api/v1/partners"))!.AsArray();
    }

    [Fact]
    public async Task Add_creates_an_applicant_that_list_then_shows()
    {
        var output = (await server.Run(server.StaffKey,
            ["partners", "add", "--name", "Nightjar Response AG", .. AddOptions, "--jurisdiction", "EU", "--restrict", "poc"])).Ok();

        Assert.Contains("Added partner Nightjar Response AG (", output);
        Assert.Matches(@"Headquarters\s+CH", output);
        Assert.Matches(@"Status\s+applicant", output);
        Assert.Matches(@"Jurisdictions\s+EU", output);
        Assert.Matches(@"Restrictions\s+withheld: poc", output);
        Assert.Matches(@"Expires\s+2028-11-01 00:00 UTC", output);

        var listed = (await server.Run(server.StaffKey, "partners", "list", "--json")).Json().AsArray();
        var added = Assert.Single(listed, p => (string?)p!["legalName"] == "Nightjar Response AG")!;
        Assert.Equal("applicant", (string?)added["status"]);
        Assert.Equal("Entry", (string?)added["tier"]);
        Assert.Contains("Nightjar Response AG", (await server.Run(server.StaffKey, "partners", "list")).Ok());

        // Its history starts with joining, not with a move from applicant to applicant.
        var id = (string)added["id"]!;
        var shown = (await server.Run(server.StaffKey, "partners", "show", id)).Ok();
        Assert.Matches(@"joined as applicant\s+│\s+Application recorded", shown);
        Assert.DoesNotContain("applicant → applicant", shown, StringComparison.Ordinal);
        var joined = Assert.Single((await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["history"]!.AsArray())!;
        Assert.Null(joined["from"]);
        Assert.Equal("applicant", (string?)joined["to"]);
    }

    [Fact]
    public async Task Add_with_an_unknown_country_exits_1_with_the_servers_sentence_and_creates_nothing()
    {
        var before = (await PartnersOverHttp()).Count;

        var (exit, stdout, stderr) = await server.Run(server.StaffKey,
            ["partners", "add", "--name", "Phantom Country Ltd", .. AddOptions[2..], "--country", "XX"]);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("'XX' is not an ISO 3166-1 alpha-2 country code", stderr);
        var after = await PartnersOverHttp();
        Assert.Equal(before, after.Count);
        Assert.DoesNotContain(after, p => (string?)p!["legalName"] == "Phantom Country Ltd");
    }

    [Fact]
    public async Task Set_tier_moves_the_partner_and_an_unknown_tier_is_refused()
    {
        var id = server.PartnerId("Emberline");

        var output = (await server.Run(server.StaffKey, "partners", "set-tier", id, "trusted")).Ok();
        Assert.Contains("Emberline Labs Ltd is now in tier Trusted.", output);
        Assert.Equal("Trusted", (string?)(await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["tier"]);

        var err = (await server.Run(server.StaffKey, "partners", "set-tier", id, "Platinum")).Failed(1);
        Assert.Contains("'Platinum' is not a tier; the tiers are Entry, Trusted, Validate.", err);
        Assert.Equal("Trusted", (string?)(await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["tier"]);
    }

    [Fact]
    public async Task Suspend_cuts_the_partner_off_at_its_very_next_request()
    {
        var id = server.PartnerId("Greyharbor");
        var key = server.PartnerKey("Greyharbor");
        Assert.Contains("FW-2025-0708", (await server.Run(key, "me", "advisories")).Ok());

        var output = (await server.Run(server.StaffKey, "partners", "suspend", id, "--reason", "case 2026-11: indicators on a paste site")).Ok();
        Assert.Contains("Greyharbor Managed Defense LLC is now suspended.", output);

        var (exit, stdout, stderr) = await server.Run(key, "me", "advisories");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("Greyharbor Managed Defense LLC is suspended since 2026-11-28", stderr);

        var history = (await server.Run(server.StaffKey, "partners", "show", id)).Ok();
        Assert.Contains("case 2026-11: indicators on a paste site", history);
    }

    [Fact]
    public async Task Reinstate_lets_a_suspended_partner_receive_again()
    {
        var id = server.PartnerId("Tidewater");
        var key = server.PartnerKey("Tidewater");
        Assert.Contains("suspended", (await server.Run(key, "me", "advisories")).Failed(1));

        var output = (await server.Run(server.StaffKey, "partners", "reinstate", id, "--reason", "review closed: no breach")).Ok();
        Assert.Contains("Tidewater Analytics Pty Ltd is now active.", output);

        var mine = (await server.Run(key, "me", "advisories", "--json")).Json().AsArray();
        Assert.Contains(mine, a => (string?)a!["reference"] == "FW-2025-0708");
    }

    [Fact]
    public async Task Removal_is_final_and_reinstating_is_refused()
    {
        var id = server.PartnerId("Lanternfish");

        var output = (await server.Run(server.StaffKey, "partners", "remove", id, "--reason", "NDA breach confirmed")).Ok();
        Assert.Contains("Lanternfish Cyber Technology is now removed.", output);

        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "partners", "reinstate", id, "--reason", "appeal upheld");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("Lanternfish Cyber Technology cannot move from removed to active: removal is final.", stderr);
        Assert.Equal("removed", (string?)(await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["status"]);
        Assert.Contains("removed", (await server.Run(server.PartnerKey("Lanternfish"), "me", "advisories")).Failed(1));
    }

    [Fact]
    public async Task A_status_change_without_a_reason_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "partners", "suspend", server.PartnerId("Fjordwatch"));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--reason", stderr);
        Assert.Equal("active", (string?)(await server.Run(server.StaffKey, "partners", "show", server.PartnerId("Fjordwatch"), "--json")).Json()["status"]);
    }
}
