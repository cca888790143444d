using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn invitations list|revoke</c> and <c>forewarn portal-users list|disable|enable|reset-authenticator</c> over the people API.</summary>
public sealed class PortalPeopleCliTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Invitations_are_listed_and_revoked()
    {
        (await server.Run(server.StaffKey, "invitations", "create", "--email", "noor@halcyon.example", "--role", "staff-analyst")).Ok();
        var open = JsonNode.Parse((await server.Run(server.StaffKey, "invitations", "list", "--json")).Ok())!.AsArray();
        var id = (string)open.Single(i => (string)i!["email"]! == "noor@halcyon.example")!["id"]!;
        Assert.Contains("noor@halcyon.example", (await server.Run(server.StaffKey, "invitations", "list")).Ok(), StringComparison.Ordinal);
        Assert.Contains("Revoked the invitation for noor@halcyon.example", (await server.Run(server.StaffKey, "invitations", "revoke", id)).Ok(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("noor@halcyon.example", (await server.Run(server.StaffKey, "invitations", "list")).Ok(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_users_are_listed_disabled_and_enabled()
    {
        var users = JsonNode.Parse((await server.Run(server.StaffKey, "portal-users", "list", "--json")).Ok())!.AsArray();
        var analyst = users.Single(u => (string)u!["role"]! == "partner-user")!;
        var id = (string)analyst["id"]!;
        Assert.Contains("Corvid", (await server.Run(server.StaffKey, "portal-users", "list")).Ok(), StringComparison.Ordinal);
        Assert.Equal("Corvid Networks Inc.", (string)analyst["organisation"]!);
        Assert.Contains("Disabled", (await server.Run(server.StaffKey, "portal-users", "disable", id)).Ok(), StringComparison.Ordinal);
        Assert.Contains("Re-enabled", (await server.Run(server.StaffKey, "portal-users", "enable", id)).Ok(), StringComparison.Ordinal);
        // Another partner's admin key does not know this user.
        (await server.Run(server.PartnerKey("Bastion"), "portal-users", "disable", id)).Failed(1);
    }
}
