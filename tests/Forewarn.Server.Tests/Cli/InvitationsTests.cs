using System.Net;
using System.Text.RegularExpressions;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn invitations create</c> prints a link that opens the portal's acceptance page, once.</summary>
public sealed partial class InvitationsTests(CliServer server) : IClassFixture<CliServer>
{
    [GeneratedRegex(@"^(http://\S+/portal/invitations/\S+)$", RegexOptions.Multiline)]
    private static partial Regex Link();

    [Fact]
    public async Task A_printed_invitation_link_opens_the_acceptance_page()
    {
        var printed = (await server.Run(server.StaffKey, "invitations", "create", "--email", "admin@oakridge.example", "--role", "partner-admin",
            "--partner", server.PartnerId("Oakridge"))).Ok();
        Assert.Contains("Invited admin@oakridge.example as partner-admin", printed, StringComparison.Ordinal);
        var link = new Uri(Link().Match(printed).Groups[1].Value);

        using var browser = new HttpClient();
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("admin@oakridge.example", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A partner's own key invites its users without naming the partner; the role list is checked before any request.
        Assert.Contains("Invited reader@corvid.example as partner-user",
            (await server.Run(server.PartnerKey("Corvid"), "invitations", "create", "--email", "reader@corvid.example", "--role", "partner-user")).Ok(),
            StringComparison.Ordinal);
        Assert.Contains("overlord", (await server.Run(server.StaffKey, "invitations", "create", "--email", "x@y.example", "--role", "overlord")).Failed(2),
            StringComparison.Ordinal);
    }
}
