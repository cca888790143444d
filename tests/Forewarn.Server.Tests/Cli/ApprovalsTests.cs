using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary>A CLI server whose gated actions need a second staff member, as the server's defaults have it.</summary>
public sealed class FourEyesCliServer : IAsyncLifetime
{
    public CliServer Server { get; } = new(fourEyes: true);

    public Task InitializeAsync() => Server.InitializeAsync();
    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// <c>forewarn approvals list|show|approve|reject</c> and <c>forewarn staff</c>: a command whose change
/// needs four eyes says so and how to approve it; the proposer cannot approve it; another member can.
/// </summary>
public sealed class ApprovalsTests(FourEyesCliServer fixture) : IClassFixture<FourEyesCliServer>
{
    private readonly CliServer server = fixture.Server;

    [Fact]
    public async Task A_removal_is_proposed_by_one_member_and_approved_by_another()
    {
        var id = server.PartnerId(DemoFacts.Entry);
        var proposed = (await server.Run(server.StaffKey, "partners", "remove", id, "--reason", "Contract ended")).Ok();
        Assert.Contains("needs a second staff member's approval", proposed, StringComparison.Ordinal);
        var proposal = (string)(await server.Run(server.StaffKey, "approvals", "list", "--json")).Json().AsArray()
            .Single(p => ((string?)p!["subject"]) == id)!["id"]!;
        Assert.Contains($"forewarn approvals approve {proposal}", proposed, StringComparison.Ordinal);
        Assert.Equal("active", (string?)(await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["status"]);
        var shown = (await server.Run(server.StaffKey, "partners", "show", id)).Ok();
        Assert.Contains("Waiting for a second staff member (1)", shown, StringComparison.Ordinal);
        Assert.Contains(proposal, shown, StringComparison.Ordinal);

        Assert.Contains(proposal, (await server.Run(server.SecondStaffKey, "approvals", "list")).Ok(), StringComparison.Ordinal);
        Assert.Contains("Contract ended", (await server.Run(server.SecondStaffKey, "approvals", "show", proposal)).Ok(), StringComparison.Ordinal);
        Assert.Contains("another staff member must approve it", (await server.Run(server.StaffKey, "approvals", "approve", proposal)).Failed(1),
            StringComparison.Ordinal);

        Assert.Contains("Approved", (await server.Run(server.SecondStaffKey, "approvals", "approve", proposal)).Ok(), StringComparison.Ordinal);
        Assert.Equal("removed", (string?)(await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["status"]);
    }

    [Fact]
    public async Task A_rejected_proposal_changes_nothing()
    {
        var id = server.PartnerId(DemoFacts.Validate);
        (await server.Run(server.StaffKey, "partners", "remove", id, "--reason", "Missed two reviews")).Ok();
        var proposal = (string)(await server.Run(server.StaffKey, "approvals", "list", "--json")).Json().AsArray()
            .Single(p => ((string?)p!["subject"]) == id)!["id"]!;
        Assert.Contains("Rejected", (await server.Run(server.SecondStaffKey, "approvals", "reject", proposal, "--reason", "They reported late, not never"))
            .Ok(), StringComparison.Ordinal);
        Assert.Equal("active", (string?)(await server.Run(server.StaffKey, "partners", "show", id, "--json")).Json()["status"]);
        Assert.Contains(proposal, (await server.Run(server.StaffKey, "approvals", "list", "--state", "rejected")).Ok(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_members_are_added_and_listed()
    {
        var added = (await server.Run(server.StaffKey, "staff", "add", "--name", "Noor Castellanos", "--json")).Json();
        var list = (await server.Run(server.StaffKey, "staff", "list")).Ok();
        Assert.Contains("Noor Castellanos", list, StringComparison.Ordinal);
        var key = (await server.Run(server.StaffKey, "keys", "issue", "--owner", "staff", "--member", (string)added["id"]!, "--name", "Noor reads",
            "--scope", "staff:read", "--json")).Json();
        Assert.Equal((string?)added["id"], (string?)key["key"]!["memberId"]);
        Assert.Contains("needs a second staff member's approval",
            (await server.Run(server.StaffKey, "keys", "issue", "--owner", "staff", "--member", (string)added["id"]!, "--name", "Noor writes")).Ok(),
            StringComparison.Ordinal);
    }
}
