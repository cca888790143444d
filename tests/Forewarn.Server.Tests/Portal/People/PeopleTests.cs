using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Account;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.People;

/// <summary>
/// The people page and its API: staff disable, re-enable and reset a user's authenticator; a
/// partner's admin manages only its own organisation (another's user is not found); invitations
/// are made on the page (the link once) and revoked; every change is logged by user id, never e-mail.
/// </summary>
public sealed partial class PeopleTests
{
    private static async Task<Guid> UserIdAsync(ForewarnFactory f, string role)
    {
        var email = f.Credentials.Portal!.Single(p => p.Role == role).Email;
        return (await f.InStoreAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email))).Id;
    }

    [Fact]
    public async Task Staff_disable_a_user_who_is_signed_out_at_once_and_re_enable_them()
    {
        await using var f = new ForewarnFactory();
        var corvidId = await UserIdAsync(f, "partner-user");
        var corvid = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, corvid, "partner-user");
        var staff = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, staff, "staff-admin");

        var (page, html) = await staff.GetAsync("/portal/people");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Corvid Networks Inc.", html, StringComparison.Ordinal);
        Assert.Contains("Bastion Endpoint Security GmbH", html, StringComparison.Ordinal);

        var (disabled, said) = await staff.SubmitAsync("/portal/people", $"/portal/people?handler=Disable&id={corvidId}");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("is disabled", said, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await corvid.GetAsync("/portal/inbox")).Response.StatusCode);
        var entry = Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalUserDisabled));
        Assert.Equal(corvidId.ToString(), (string)entry["entry"]!["user"]!);
        Assert.DoesNotContain("corvid.example", entry.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Disabled twice is a sentence, not a change.
        var (again, againHtml) = await staff.SubmitAsync("/portal/people", $"/portal/people?handler=Disable&id={corvidId}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("disabled already", againHtml, StringComparison.Ordinal);

        await staff.SubmitAsync("/portal/people", $"/portal/people?handler=Enable&id={corvidId}");
        Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalUserEnabled));
        await AccountTests.SignInAsync(f, new PortalVisitor(f), "partner-user");
    }

    [Fact]
    public async Task A_reset_authenticator_makes_the_user_enrol_again_at_the_next_sign_in()
    {
        await using var f = new ForewarnFactory();
        var bastionId = await UserIdAsync(f, "partner-admin");
        var staff = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, staff, "staff-admin");
        var (reset, html) = await staff.SubmitAsync("/portal/people", $"/portal/people?handler=ResetAuthenticator&id={bastionId}");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("authenticator is reset", html, StringComparison.Ordinal);
        var entry = Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.PortalAuthenticatorReset));
        Assert.Equal(bastionId.ToString(), (string)entry["entry"]!["user"]!);

        var bastion = f.Credentials.Portal!.Single(p => p.Role == "partner-admin");
        Assert.Equal("/portal/enrol", await new PortalVisitor(f).PasswordAsync(bastion.Email, bastion.Password));
        Assert.False(await f.InStoreAsync(db => db.UserTokens.AnyAsync(t => t.UserId == bastionId)));
    }

    [Fact]
    public async Task A_partner_admin_manages_only_its_own_users_and_invites_and_revokes_on_the_page()
    {
        await using var f = new ForewarnFactory();
        var corvidId = await UserIdAsync(f, "partner-user");
        var admin = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, admin, "partner-admin");
        var (page, html) = await admin.GetAsync("/portal/people");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Corvid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ines.halvorsen", html, StringComparison.Ordinal);

        var (other, _) = await admin.SubmitAsync("/portal/people", $"/portal/people?handler=Disable&id={corvidId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Null(await f.InStoreAsync(db => db.Users.AsNoTracking().Where(u => u.Id == corvidId).Select(u => u.DisabledAt).SingleAsync()));

        var (bad, badHtml) = await admin.SubmitAsync("/portal/people", "/portal/people?handler=Invite", ("Invite.Email", "not an address"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"invite-email-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("is not an e-mail address", badHtml, StringComparison.Ordinal);

        var (made, madeHtml) = await admin.SubmitAsync("/portal/people", "/portal/people?handler=Invite", ("Invite.Email", "reader@bastion.example"));
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var link = Link().Match(madeHtml).Groups[1].Value;
        Assert.Contains("/portal/invitations/", link, StringComparison.Ordinal);
        var invitation = await f.InStoreAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "reader@bastion.example"));
        Assert.Equal("partner-user", Forewarn.Domain.Accounts.PortalRoles.Name(invitation.Role));
        Assert.DoesNotContain(link, (await admin.GetAsync("/portal/people")).Html, StringComparison.Ordinal); // shown once

        await admin.SubmitAsync("/portal/people", $"/portal/people?handler=Revoke&id={invitation.Id}");
        Assert.Single(await LogEntries.OfKindAsync(f.Staff(), LogKinds.InvitationRevoked));
        var (closed, _) = await new PortalVisitor(f).GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
    }

    [Fact]
    public async Task A_partner_user_has_no_people_page()
    {
        await using var f = new ForewarnFactory();
        var corvid = new PortalVisitor(f);
        await AccountTests.SignInAsync(f, corvid, "partner-user");
        Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync("/portal/people")).Response.StatusCode);
    }

    [Fact]
    public async Task The_api_lists_and_changes_with_the_same_reach()
    {
        await using var f = new ForewarnFactory();
        var corvidId = await UserIdAsync(f, "partner-user");
        var staff = f.Staff();
        var users = (await staff.GetJson("/api/v1/portal-users")).AsArray();
        Assert.Equal(3, users.Count);
        Assert.Contains(users, u => (string)u!["id"]! == corvidId.ToString() && (bool)u["secondFactor"]! == false && (int)u["passkeys"]! == 0);

        var bastionKey = f.Partner(DemoFacts.Trusted);
        var own = (await bastionKey.GetJson("/api/v1/portal-users")).AsArray();
        Assert.DoesNotContain(own, u => (string)u!["id"]! == corvidId.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await bastionKey.PostAsync($"/api/v1/portal-users/{corvidId}/disable", null)).StatusCode);

        var disabled = await staff.PostJson($"/api/v1/portal-users/{corvidId}/disable", new { }, HttpStatusCode.OK);
        Assert.NotNull((string?)disabled["disabledAt"]);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/v1/portal-users/{corvidId}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/v1/portal-users/{corvidId}/reset-authenticator", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/v1/portal-users/{Guid.NewGuid()}/enable", null)).StatusCode);

        var invitation = await staff.PostJson("/api/v1/invitations", new { email = "noor@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        Assert.Contains((await staff.GetJson("/api/v1/invitations")).AsArray(), i => (string)i!["id"]! == (string)invitation["id"]!);
        Assert.DoesNotContain((await bastionKey.GetJson("/api/v1/invitations")).AsArray(), i => (string)i!["id"]! == (string)invitation["id"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await bastionKey.PostAsync($"/api/v1/invitations/{invitation["id"]}/revoke", null)).StatusCode);
        await staff.PostJson($"/api/v1/invitations/{invitation["id"]}/revoke", new { }, HttpStatusCode.OK);
        Assert.Empty((await staff.GetJson("/api/v1/invitations")).AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/v1/invitations/{invitation["id"]}/revoke", null)).StatusCode);
    }

    [GeneratedRegex("id=\"invitation-link\">([^<]+)<")]
    private static partial Regex Link();
}
