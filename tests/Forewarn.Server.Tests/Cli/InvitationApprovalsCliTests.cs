using System.Net;
using System.Text.RegularExpressions;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn invitations create|resend</c> with four eyes on, and <c>forewarn approvals invitation</c>: an
/// invitation to a role that can write is proposed, and after another member approves, its proposer collects the link once.
/// </summary>
public sealed partial class InvitationApprovalsCliTests(FourEyesCliServer fixture) : IClassFixture<FourEyesCliServer>
{
    private readonly CliServer server = fixture.Server;

    [GeneratedRegex(@"^(http://\S+/portal/invitations/\S+)$", RegexOptions.Multiline)]
    private static partial Regex Link();

    [Fact]
    public async Task A_publishers_invitation_is_proposed_approved_and_its_link_collected_once_by_the_proposer()
    {
        var proposed = (await server.Run(server.StaffKey, "invitations", "create", "--email", "cli.publisher@halcyon.example", "--role", "staff-publisher")).Ok();
        Assert.Contains("needs a second staff member's approval", proposed, StringComparison.Ordinal);
        var id = Regex.Match(proposed, @"forewarn approvals invitation (\S+)").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.DoesNotMatch(Link(), proposed);

        Assert.Contains($"forewarn approvals invitation {id}", (await server.Run(server.SecondStaffKey, "approvals", "approve", id)).Ok(), StringComparison.Ordinal);
        Assert.Contains("Only the staff member who proposed", (await server.Run(server.SecondStaffKey, "approvals", "invitation", id)).Failed(1),
            StringComparison.Ordinal);
        var collected = (await server.Run(server.StaffKey, "approvals", "invitation", id)).Ok();
        var link = new Uri(Link().Match(collected).Groups[1].Value);
        using var browser = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        Assert.Contains("collected", (await server.Run(server.StaffKey, "approvals", "invitation", id)).Failed(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analysts_invitation_is_re_sent_at_once_with_a_new_link()
    {
        var made = (await server.Run(server.StaffKey, "invitations", "create", "--email", "cli.analyst@halcyon.example", "--role", "staff-analyst", "--json")).Json();
        var resent = (await server.Run(server.StaffKey, "invitations", "resend", (string)made["id"]!)).Ok();
        Assert.Contains("Invited cli.analyst@halcyon.example as staff-analyst", resent, StringComparison.Ordinal);
        var link = new Uri(Link().Match(resent).Groups[1].Value);
        using var browser = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri((string)made["link"]!))).StatusCode);
    }
}
