using System.Net;
using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn me keys list|issue|revoke</c> with Bastion's admin key.</summary>
public sealed class MeKeysCliTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task A_partner_admin_issues_lists_and_revokes_its_own_key_and_cannot_grant_the_admin_scope()
    {
        var admin = server.PartnerKey("Bastion");
        var issued = (await server.Run(admin, "me", "keys", "issue", "--name", "SIEM poller", "--scope", "partner:read", "--json")).Json();
        var token = (string)issued["token"]!;
        var id = (string)issued["key"]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await server.WithKey(token).GetAsync("/api/v1/me/advisories")).StatusCode);

        var shown = (await server.Run(admin, "me", "keys", "issue", "--name", "Dashboard", "--scope", "partner:read")).Ok();
        Assert.Contains("Token (shown only once; store it now):", shown, StringComparison.Ordinal);

        var listed = (await server.Run(admin, "me", "keys", "list")).Ok();
        Assert.Contains("SIEM poller", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        var json = JsonNode.Parse((await server.Run(admin, "me", "keys", "list", "--json")).Ok())!.AsArray();
        Assert.Contains(json, k => (string?)k!["id"] == id);

        Assert.Contains("Revoked key SIEM poller", (await server.Run(admin, "me", "keys", "revoke", id)).Ok(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.WithKey(token).GetAsync("/api/v1/me/advisories")).StatusCode);

        var refused = await server.Run(admin, "me", "keys", "issue", "--name", "Admin bot", "--scope", "partner:webhooks");
        refused.Failed(1);
        Assert.Contains("administrative scope", refused.Err, StringComparison.Ordinal);
    }
}
