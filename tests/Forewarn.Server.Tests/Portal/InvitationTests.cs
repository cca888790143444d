using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal;

/// <summary>
/// Invitations to the portal (issue 15): staff invite staff and partner admins, a partner's admin
/// key invites its own users; the link works once, before it expires; a bad password is shown
/// beside its field and changes nothing; the invitation and its acceptance are logged, naming the
/// user by id and never by e-mail.
/// </summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static string PathOf(JsonNode invitation) => new Uri((string)invitation["link"]!).PathAndQuery;

    [Fact]
    public async Task A_partner_admin_invited_by_staff_sets_a_password_enrols_an_authenticator_and_is_logged_by_id()
    {
        var greyharbor = _f.PartnerInfo(DemoFacts.Entry).Id;
        var invitation = await _f.Staff().PostJson("/api/v1/invitations",
            new { email = "Admin@Greyharbor.example", role = "partner-admin", partnerId = greyharbor }, HttpStatusCode.Created);
        Assert.Equal("admin@greyharbor.example", (string)invitation["email"]!);
        var link = PathOf(invitation);
        Assert.StartsWith("/portal/invitations/", link, StringComparison.Ordinal);

        var visitor = new PortalVisitor(_f);
        var (page, html) = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("partner-admin", html, StringComparison.Ordinal);

        // Too short a password: said beside the field; no user, the invitation still open.
        var (refused, refusedPage) = await visitor.SubmitAsync(link, ("Input.Name", "Greyharbor's admin"), ("Input.Password", "short"), ("Input.Confirm", "short"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"password-error\"[^>]*>[^<]*at least 12 characters", refusedPage);
        Assert.False(await _f.InStoreAsync(db => db.Users.AnyAsync(u => u.Email == "admin@greyharbor.example")));

        var (accepted, _) = await visitor.SubmitAsync(link, ("Input.Name", "Greyharbor's admin"), ("Input.Password", "a long enough password"),
            ("Input.Confirm", "a long enough password"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/portal/enrol", accepted.Headers.Location!.OriginalString);
        var (_, enrolPage) = await visitor.GetAsync("/portal/enrol");
        var key = System.Text.RegularExpressions.Regex.Match(enrolPage, "id=\"authenticator-key\">([A-Z2-7 ]+)<").Groups[1].Value;
        await visitor.SubmitAsync("/portal/enrol", ("Code", PortalVisitor.CodeFor(key)));
        var (home, homePage) = await visitor.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("partner-admin", homePage, StringComparison.Ordinal);

        var user = await _f.InStoreAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "admin@greyharbor.example"));
        Assert.Equal(greyharbor, user.PartnerId!.Value.Value);
        var staff = _f.Staff();
        var invited = Assert.Single(await LogEntries.AllAsync(staff, $"kind={LogKinds.InvitationCreated}"));
        var acceptance = Assert.Single(await LogEntries.AllAsync(staff, $"kind={LogKinds.InvitationAccepted}"));
        Assert.Equal((string)invitation["id"]!, (string)invited["entry"]!["invitation"]!);
        Assert.Equal(user.Id.ToString(), (string)acceptance["entry"]!["user"]!);
        Assert.DoesNotContain("greyharbor.example", invited.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("greyharbor.example", acceptance.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // The link worked once.
        var (again, againPage) = await new PortalVisitor(_f).GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("cannot be used", againPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partners_admin_key_invites_its_own_users_only_and_they_sign_in_without_a_second_factor()
    {
        var bastion = _f.Partner(DemoFacts.Trusted);
        await bastion.PostJson("/api/v1/invitations", new { email = "boss@bastion.example", role = "partner-admin" }, HttpStatusCode.Forbidden);
        await bastion.PostJson("/api/v1/invitations",
            new { email = "spy@bastion.example", role = "partner-user", partnerId = _f.PartnerInfo(DemoFacts.Validate).Id }, HttpStatusCode.NotFound);
        var invitation = await bastion.PostJson("/api/v1/invitations", new { email = "reader@bastion.example", role = "partner-user" }, HttpStatusCode.Created);
        Assert.Equal(_f.PartnerInfo(DemoFacts.Trusted).Id, Guid.Parse((string)invitation["partnerId"]!));

        var visitor = new PortalVisitor(_f);
        var (accepted, _) = await visitor.SubmitAsync(PathOf(invitation), ("Input.Name", "Bastion reader"), ("Input.Password", "reader password 1"),
            ("Input.Confirm", "reader password 1"));
        Assert.Equal("/portal", accepted.Headers.Location!.OriginalString);
        var (_, home) = await visitor.GetAsync("/portal");
        Assert.Contains("Bastion Endpoint Security GmbH", home, StringComparison.Ordinal);
        // The partner reads its own entries: the invitation names it.
        Assert.Contains(await LogEntries.AllAsync(bastion, path: "/api/v1/me/log/entries"), e => (string?)e["entry"]!["kind"] == LogKinds.InvitationAccepted);
    }

    [Fact]
    public async Task A_staff_invitation_makes_a_staff_member_and_bad_requests_change_nothing()
    {
        var staff = _f.Staff();
        await staff.PostJson("/api/v1/invitations", new { email = "x@halcyon.example", role = "overlord" }, HttpStatusCode.BadRequest);
        await staff.PostJson("/api/v1/invitations", new { email = "not an address", role = "staff-analyst" }, HttpStatusCode.BadRequest);
        await staff.PostJson("/api/v1/invitations", new { email = "x@halcyon.example", role = "partner-admin" }, HttpStatusCode.BadRequest);
        await staff.PostJson("/api/v1/invitations", new { email = "ines.halvorsen@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Conflict);
        await _f.Partner(DemoFacts.Validate).PostJson("/api/v1/invitations", new { email = "x@corvid.example", role = "partner-user" }, HttpStatusCode.Created);
        Assert.Equal(1, await _f.InStoreAsync(db => db.Invitations.CountAsync()));

        var invitation = await staff.PostJson("/api/v1/invitations", new { email = "analyst@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        var visitor = new PortalVisitor(_f);
        var (accepted, _) = await visitor.SubmitAsync(PathOf(invitation), ("Input.Name", "Noor Analyst"), ("Input.Password", "analyst password"),
            ("Input.Confirm", "analyst password"));
        Assert.Equal("/portal/enrol", accepted.Headers.Location!.OriginalString);
        var member = await _f.InStoreAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(m => m.Name == "Noor Analyst"));
        var user = await _f.InStoreAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "analyst@halcyon.example"));
        Assert.Equal(member.Id, user.MemberId);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var invitation = await _f.Staff().PostJson("/api/v1/invitations", new { email = "late@halcyon.example", role = "staff-publisher" }, HttpStatusCode.Created);
        _f.Clock.Advance(TimeSpan.FromDays(7));
        var (page, _) = await new PortalVisitor(_f).GetAsync(PathOf(invitation));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
