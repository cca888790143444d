using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Administration;

/// <summary>
/// Re-sending an invitation: in one step the old link stops working and a new one is made for the same
/// address, role and partner; gated like a new invitation when the role can write; never another partner's.
/// </summary>
public sealed class ResendInvitationTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task Through_the_api_the_old_link_stops_working_and_the_new_one_has_the_same_address_role_and_partner()
    {
        var staff = _f.Staff();
        var greyharbor = _f.PartnerInfo(DemoFacts.Entry).Id;
        var first = await staff.PostJson("/api/v1/invitations", new { email = "admin@greyharbor.example", role = "partner-admin", partnerId = greyharbor },
            HttpStatusCode.Created);
        var resent = await staff.PostJson($"/api/v1/invitations/{first["id"]}/resend", new { }, HttpStatusCode.Created);
        Assert.NotEqual((string?)first["id"], (string?)resent["id"]);
        Assert.NotEqual((string?)first["link"], (string?)resent["link"]);
        Assert.Equal("admin@greyharbor.example", (string?)resent["email"]);
        Assert.Equal("partner-admin", (string?)resent["role"]);
        Assert.Equal(greyharbor.ToString(), (string?)resent["partnerId"]);

        var visitor = new PortalVisitor(_f);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(PathOf((string)first["link"]!))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(PathOf((string)resent["link"]!))).Response.StatusCode);
        await LogEntries.SingleAsync(staff, LogKinds.InvitationRevoked, "invitation", (string)first["id"]!);
        await LogEntries.SingleAsync(staff, LogKinds.InvitationCreated, "invitation", (string)resent["id"]!);

        // The replaced one cannot be re-sent again (it is revoked), an unknown one is 404, and another partner's too.
        await (await staff.PostAsJsonAsync($"/api/v1/invitations/{first["id"]}/resend", new { })).Problem(HttpStatusCode.Conflict, "invitation-revoked");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/v1/invitations/{Guid.NewGuid()}/resend", new { })).StatusCode);
        var corvidInvite = await _f.Partner(DemoFacts.Validate).PostJson("/api/v1/invitations", new { email = "reader@corvid.example", role = "partner-user" },
            HttpStatusCode.Created);
        var invitations = await InvitationCountAsync();
        Assert.Equal(HttpStatusCode.NotFound,
            (await _f.Partner(DemoFacts.Trusted).PostAsJsonAsync($"/api/v1/invitations/{corvidInvite["id"]}/resend", new { })).StatusCode);
        Assert.Equal(invitations, await InvitationCountAsync());
        // Its own admin key re-sends it.
        await _f.Partner(DemoFacts.Validate).PostJson($"/api/v1/invitations/{corvidInvite["id"]}/resend", new { }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_expired_invitation_is_re_sent_and_a_used_one_is_not()
    {
        var staff = _f.Staff();
        var expired = await staff.PostJson("/api/v1/invitations", new { email = "late@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        var used = await staff.PostJson("/api/v1/invitations", new { email = "used@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        var visitor = new PortalVisitor(_f);
        await visitor.SubmitAsync(PathOf((string)used["link"]!), ("Input.Name", "Used Already"), ("Input.Password", "a long enough password"),
            ("Input.Confirm", "a long enough password"));
        _f.Clock.Advance(TimeSpan.FromDays(8));

        var resent = await staff.PostJson($"/api/v1/invitations/{expired["id"]}/resend", new { }, HttpStatusCode.Created);
        Assert.Equal("late@halcyon.example", (string?)resent["email"]);
        Assert.Equal(HttpStatusCode.OK, (await new PortalVisitor(_f).GetAsync(PathOf((string)resent["link"]!))).Response.StatusCode);
        await (await staff.PostAsJsonAsync($"/api/v1/invitations/{used["id"]}/resend", new { })).Problem(HttpStatusCode.Conflict, "invitation-used");
    }

    [Fact]
    public async Task On_the_people_page_a_resend_shows_the_new_link_once_and_a_write_role_waits_for_approval()
    {
        FourEyes.On(_f.Settings);
        var staff = _f.Staff();
        var analyst = await staff.PostJson("/api/v1/invitations", new { email = "noor@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        var ines = await StaffPortal.InesAsync(_f);
        var (_, html) = await ines.SubmitAsync("/portal/people", $"/portal/people?handler=Resend&id={analyst["id"]}");
        var link = AdminForms.Beside(html, "invitation-link");
        Assert.Contains("/portal/invitations/", link, StringComparison.Ordinal);
        Assert.Contains("re-invited as staff-analyst", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await new PortalVisitor(_f).GetAsync(PathOf((string)analyst["link"]!))).Response.StatusCode);

        // A publisher's invitation (proposed, approved, collected), re-sent: a proposal again.
        var proposal = await staff.PostJson("/api/v1/invitations", new { email = "pub@halcyon.example", role = "staff-publisher" }, HttpStatusCode.Accepted);
        await _f.SecondStaff().PostJson($"/api/v1/approvals/{proposal["id"]}/approve", new { }, HttpStatusCode.OK);
        var publisher = await staff.PostJson($"/api/v1/approvals/{proposal["id"]}/invitation", new { }, HttpStatusCode.Created);
        var invitations = await InvitationCountAsync();
        var (_, proposedHtml) = await ines.SubmitAsync("/portal/people", $"/portal/people?handler=Resend&id={publisher["id"]}");
        Assert.Contains("Awaiting approval", proposedHtml, StringComparison.Ordinal);
        Assert.Equal(invitations, await InvitationCountAsync());
        // Until the re-send is approved and collected, the old link still works.
        Assert.Equal(HttpStatusCode.OK, (await new PortalVisitor(_f).GetAsync(PathOf((string)publisher["link"]!))).Response.StatusCode);
        var resend = (string)(await staff.GetJson("/api/v1/approvals")).AsArray().Single()!["id"]!;
        await _f.SecondStaff().PostJson($"/api/v1/approvals/{resend}/approve", new { }, HttpStatusCode.OK);
        var (_, collected) = await ines.SubmitAsync($"/portal/staff/approvals/collect/{resend}");
        var newLink = AdminForms.Beside(collected, "collected-secret");
        Assert.Equal(HttpStatusCode.OK, (await new PortalVisitor(_f).GetAsync(new Uri(newLink).PathAndQuery)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await new PortalVisitor(_f).GetAsync(PathOf((string)publisher["link"]!))).Response.StatusCode);
    }

    private Task<int> InvitationCountAsync() => _f.InStoreAsync(db => db.Invitations.CountAsync());
}
