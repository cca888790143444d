using System.Text.RegularExpressions;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn keys issue|list|revoke</c>, and that the keys work (and stop working) at once.</summary>
public sealed partial class KeysTests(CliServer server) : IClassFixture<CliServer>
{
    [GeneratedRegex(@"fw_[0-9a-f]+_[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"^Id\s+([0-9a-f-]{36})$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [Fact]
    public async Task An_issued_partner_key_works_until_it_is_revoked()
    {
        var issued = (await server.Run(server.StaffKey, "keys", "issue", "--owner", "partner", "--partner", server.PartnerId("Greyharbor"),
            "--name", "Greyharbor TAXII poller", "--scope", "partner:read", "--days", "30")).Ok();

        // The token is printed exactly once, after the warning, and only there.
        var tokens = Token().Matches(issued);
        var token = Assert.Single(tokens).Value;
        Assert.Contains($"Token (shown only once; store it now):\n{token}\n", issued);
        Assert.Matches(@"Owner\s+partner", issued);
        Assert.Matches($@"Partner\s+{server.PartnerId("Greyharbor")}", issued);
        Assert.Matches(@"Scopes\s+partner:read\n", issued);
        var id = IdLine().Match(issued).Groups[1].Value;
        Assert.NotEmpty(id);

        // It works for reading ...
        Assert.Contains("FW-2025-0708", (await server.Run(token, "me", "advisories")).Ok());
        Assert.Contains("Greyharbor Managed Defense LLC", (await server.Run(token, "me", "show")).Ok());
        // ... but not for acknowledging, a scope it was not given.
        Assert.Contains("Forbidden", (await server.Run(token, "me", "ack", "FW-2025-0708")).Failed(1));

        // The list shows the key (id and prefix whole, to copy into 'keys revoke') but never its secret.
        var cut = token.IndexOf('_', 3);
        var (prefix, secret) = (token[3..cut], token[(cut + 1)..]);
        var list = (await server.Run(server.StaffKey, "keys", "list")).Ok();
        Assert.Matches($@"│ {id} │ {prefix}\s+│ partner", list);
        Assert.DoesNotContain(secret, list);
        var json = (await server.Run(server.StaffKey, "keys", "list", "--json")).Ok();
        Assert.Contains("Greyharbor TAXII poller", json);
        Assert.DoesNotContain(secret, json);

        var revoked = (await server.Run(server.StaffKey, "keys", "revoke", id)).Ok();
        Assert.Matches(@"Revoked key Greyharbor TAXII poller \(prefix [0-9a-f]+\) at 2026-11-28 12:00 UTC\.", revoked);

        // Refused at the very next request.
        var (exit, stdout, stderr) = await server.Run(token, "me", "advisories");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: Unauthenticated", stderr);
        Assert.Contains("was revoked on 2026-11-28 12:00 UTC", stderr);

        Assert.Contains("already revoked", (await server.Run(server.StaffKey, "keys", "revoke", id)).Failed(1));
    }

    [Fact]
    public async Task An_issued_staff_key_can_run_staff_commands()
    {
        var issued = (await server.Run(server.StaffKey, "keys", "issue", "--owner", "staff", "--name", "ci", "--scope", "staff:read",
            "--expires-at", "2027-01-31", "--json")).Json();
        var token = (string)issued["token"]!;
        Assert.Equal("staff", (string?)issued["key"]!["owner"]);
        Assert.Equal(DateTimeOffset.Parse("2027-01-31T00:00:00Z"), DateTimeOffset.Parse((string)issued["key"]!["expiresAt"]!));

        Assert.Equal(13, (await server.Run(token, "partners", "list", "--json")).Json().AsArray().Count);
        // Read only: it may not change anything.
        Assert.Contains("Forbidden", (await server.Run(token, "partners", "set-tier", server.PartnerId("Corvid"), "Entry")).Failed(1));
        Assert.Equal("Validate", (string?)(await server.Run(token, "partners", "show", server.PartnerId("Corvid"), "--json")).Json()["tier"]);
    }

    [Fact]
    public async Task Issue_checks_its_options_locally()
    {
        var noPartner = await server.Run(server.StaffKey, "keys", "issue", "--owner", "partner", "--name", "x");
        Assert.Contains("--owner partner needs --partner ID.", noPartner.Failed(2));

        var both = await server.Run(server.StaffKey, "keys", "issue", "--owner", "staff", "--name", "x", "--days", "3", "--expires-at", "2027-01-01");
        Assert.Contains("Give only one of --expires-at or --days.", both.Failed(2));

        var badOwner = await server.Run(server.StaffKey, "keys", "issue", "--owner", "robot", "--name", "x");
        Assert.Contains("robot", badOwner.Failed(2));

        var notAnId = await server.Run(server.StaffKey, "keys", "issue", "--owner", "partner", "--partner", "Mistral Sentinel SAS", "--name", "x");
        Assert.Contains("'Mistral Sentinel SAS' is not a partner id for --partner", notAnId.Failed(2));

        var unknownPartner = await server.Run(server.StaffKey, "keys", "issue", "--owner", "partner", "--partner", Guid.NewGuid().ToString(), "--name", "x");
        Assert.Contains("not found", unknownPartner.Failed(1), StringComparison.OrdinalIgnoreCase);
    }
}
