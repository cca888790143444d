using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Administration;

/// <summary>
/// Four eyes on inviting a role that can write (approvals:writeRoleInvitation): the invitation is proposed and
/// nothing is made; after another member approves, the proposer — nobody else — collects the one-time link once,
/// and it works. Other roles are invited at once, as before.
/// </summary>
public sealed class WriteRoleInvitationTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync()
    {
        FourEyes.On(_f.Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<int> InvitationsAsync() => _f.InStoreAsync(db => db.Invitations.CountAsync());

    [Fact]
    public async Task Through_the_api_the_proposer_collects_the_link_once_the_approver_cannot_and_the_link_works()
    {
        var staff = _f.Staff();
        var before = await InvitationsAsync();
        var proposal = await staff.PostJson("/api/v1/invitations", new { email = "new.admin@halcyon.example", role = "staff-admin" }, HttpStatusCode.Accepted);
        Assert.Equal("write-role-invitation", (string?)proposal["action"]);
        var id = (string)proposal["id"]!;
        var collect = $"/api/v1/approvals/{id}/invitation";

        // Proposed: nothing made, nothing to collect; the log names the role, never the address.
        Assert.Equal(before, await InvitationsAsync());
        await (await staff.PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Conflict, "proposal-not-approved");
        var proposed = (await LogEntries.SingleAsync(staff, LogKinds.ChangeProposed, "proposal", id))["entry"]!;
        Assert.Equal("staff-admin", (string?)proposed["request"]!["role"]);
        Assert.DoesNotContain("halcyon.example", proposed.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        // The proposer cannot approve it.
        await (await staff.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).Problem(HttpStatusCode.Forbidden, "same-member");

        await _f.SecondStaff().PostJson($"/api/v1/approvals/{id}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal(before, await InvitationsAsync());
        await (await _f.SecondStaff().PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Forbidden, "not-the-proposer");
        // A key collection of an invitation, and an invitation collection of something else, are refused.
        await (await staff.PostAsJsonAsync($"/api/v1/approvals/{id}/key", new { })).Problem(HttpStatusCode.Conflict, "not-a-key");

        var invitation = await (await staff.PostAsJsonAsync(collect, new { })).Json(HttpStatusCode.Created);
        Assert.Equal("staff-admin", (string?)invitation["role"]);
        Assert.Equal(before + 1, await InvitationsAsync());
        await (await staff.PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Conflict, "invitation-collected");
        var made = (await LogEntries.SingleAsync(staff, LogKinds.InvitationCreated, "invitation", (string)invitation["id"]!))["entry"]!;
        Assert.Equal(id, (string?)made["proposal"]);

        // The link works: the invitee becomes a staff admin.
        var visitor = new PortalVisitor(_f);
        var (accepted, _) = await visitor.SubmitAsync(new Uri((string)invitation["link"]!).PathAndQuery, ("Input.Name", "New Admin"),
            ("Input.Password", "a long enough password"), ("Input.Confirm", "a long enough password"));
        Assert.Equal("/portal/enrol", accepted.Headers.Location!.OriginalString);
        var users = await staff.GetJson("/api/v1/portal-users");
        Assert.Equal("staff-admin", (string?)users.AsArray().Single(u => (string?)u!["email"] == "new.admin@halcyon.example")!["role"]);
    }

    [Fact]
    public async Task A_rejected_invitation_makes_nothing_and_roles_that_cannot_write_are_not_gated()
    {
        var staff = _f.Staff();
        var proposal = await staff.PostJson("/api/v1/invitations", new { email = "pub@halcyon.example", role = "staff-publisher" }, HttpStatusCode.Accepted);
        var id = (string)proposal["id"]!;
        var before = await InvitationsAsync();
        await _f.SecondStaff().PostJson($"/api/v1/approvals/{id}/reject", new { reason = "Not hired yet" }, HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/v1/approvals/{id}/invitation", new { })).Problem(HttpStatusCode.Conflict, "proposal-not-approved");
        Assert.Equal(before, await InvitationsAsync());

        await staff.PostJson("/api/v1/invitations", new { email = "analyst@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        await staff.PostJson("/api/v1/invitations", new { email = "admin@greyharbor.example", role = "partner-admin", partnerId = _f.PartnerInfo(DemoFacts.Entry).Id },
            HttpStatusCode.Created);
        await _f.Partner(DemoFacts.Validate).PostJson("/api/v1/invitations", new { email = "reader@corvid.example", role = "partner-user" }, HttpStatusCode.Created);
        // Bad input is refused before anything is proposed.
        await (await staff.PostAsJsonAsync("/api/v1/invitations", new { email = "not an address", role = "staff-admin" })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        Assert.Empty((await staff.GetJson("/api/v1/approvals")).AsArray());
    }

    [Fact]
    public async Task In_the_portal_the_invitation_is_proposed_on_the_people_page_and_its_proposer_collects_the_link()
    {
        var ines = await StaffPortal.InesAsync(_f);
        var before = await InvitationsAsync();
        var (_, proposedHtml) = await ines.SubmitAsync("/portal/people", "/portal/people?handler=Invite",
            ("Invite.Email", "portal.publisher@halcyon.example"), ("Invite.Role", "staff-publisher"), ("Invite.PartnerId", ""));
        Assert.Contains("Awaiting approval", proposedHtml, StringComparison.Ordinal);
        Assert.Equal("", AdminForms.Beside(proposedHtml, "invitation-link"));
        Assert.Equal(before, await InvitationsAsync());
        var id = (string)(await _f.Staff().GetJson("/api/v1/approvals")).AsArray().Single()!["id"]!;
        Assert.Contains($"/portal/staff/approvals/collect/{id}", proposedHtml, StringComparison.Ordinal);

        await _f.SecondStaff().PostJson($"/api/v1/approvals/{id}/approve", new { }, HttpStatusCode.OK);
        // The approver cannot collect it.
        await (await _f.SecondStaff().PostAsJsonAsync($"/api/v1/approvals/{id}/invitation", new { })).Problem(HttpStatusCode.Forbidden, "not-the-proposer");

        var (_, list) = await ines.GetAsync("/portal/staff/approvals");
        Assert.Contains($"/portal/staff/approvals/collect/{id}", list, StringComparison.Ordinal);
        var (collected, html) = await ines.SubmitAsync($"/portal/staff/approvals/collect/{id}");
        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        var link = AdminForms.Beside(html, "collected-secret");
        Assert.Contains("/portal/invitations/", link, StringComparison.Ordinal);
        Assert.Equal(before + 1, await InvitationsAsync());

        // Once: the page no longer offers it.
        var (_, after) = await ines.GetAsync($"/portal/staff/approvals/collect/{id}");
        Assert.DoesNotContain(link, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Collect the invitation link", after, StringComparison.Ordinal);

        var invitee = new PortalVisitor(_f);
        var (accepted, _) = await invitee.SubmitAsync(new Uri(link).PathAndQuery, ("Input.Name", "Portal Publisher"),
            ("Input.Password", "a long enough password"), ("Input.Confirm", "a long enough password"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }
}
