using System.Net;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal;

/// <summary>
/// Signing in to the portal (issue 15): password, the authenticator's code computed here as an app
/// would, lockout, the sign-in rate limit, anti-forgery, and the pages' Content-Security-Policy.
/// Each test has its own server: the rate limit counts sign-in posts per address across a server.
/// </summary>
public sealed class PortalSignInTests
{
    private static DemoPortalUser Person(ForewarnFactory f, string role) => f.Credentials.Portal!.Single(p => p.Role == role);

    [Fact]
    public async Task A_partner_user_signs_in_with_a_password_and_sees_their_organisation()
    {
        await using var f = new ForewarnFactory();
        var corvid = Person(f, "partner-user");
        Assert.Null(corvid.TotpSecret); // a partner user's role needs no second factor
        var visitor = new PortalVisitor(f);

        var (before, _) = await visitor.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("http://localhost/portal/sign-in", before.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal("/portal", await visitor.PasswordAsync(corvid.Email, corvid.Password));
        var (home, html) = await visitor.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Corvid Networks Inc.", html, StringComparison.Ordinal);
        Assert.Contains("partner:read, partner:acknowledge, partner:sightings", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_sign_in_needs_the_authenticator_code_and_a_wrong_code_is_shown_beside_the_field()
    {
        await using var f = new ForewarnFactory();
        var ines = Person(f, "staff-admin");
        var visitor = new PortalVisitor(f);

        Assert.Equal("/portal/two-factor", await visitor.PasswordAsync(ines.Email, ines.Password));
        // The password alone is not a session.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/portal")).Response.StatusCode);

        var wrong = PortalVisitor.CodeFor(ines.TotpSecret!) == "000000" ? "111111" : "000000";
        var (refused, html) = await visitor.SubmitAsync("/portal/two-factor", ("Code", wrong));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"code-error\"", html, StringComparison.Ordinal);
        Assert.Contains("That code is not right", html, StringComparison.Ordinal);

        var (accepted, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(ines.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (home, page) = await visitor.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("staff-admin", page, StringComparison.Ordinal);
        Assert.Contains(DemoProgram.FirstStaffMember, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var f = new ForewarnFactory();
        var corvid = Person(f, "partner-user");
        var visitor = new PortalVisitor(f);
        for (var i = 0; i < 5; i++)
        {
            var (r, html) = await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", corvid.Email), ("Input.Password", "not-the-password-" + i));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(i < 4 ? "The e-mail address or the password is wrong." : "locked", html, StringComparison.Ordinal);
        }
        var (locked, page) = await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", corvid.Email), ("Input.Password", corvid.Password));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked for 15 minutes", page, StringComparison.Ordinal);
        var lockedOut = await f.InStoreAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == corvid.Email));
        Assert.NotNull(lockedOut.LockoutEnd);
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_answer_alike()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        var (_, unknown) = await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", "nobody@nowhere.example"), ("Input.Password", "whatever-it-is"));
        var (_, wrong) = await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", Person(f, "partner-user").Email), ("Input.Password", "whatever-it-is"));
        Assert.Contains("The e-mail address or the password is wrong.", unknown, StringComparison.Ordinal);
        Assert.Contains("The e-mail address or the password is wrong.", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_field_is_named_beside_it_and_counts_as_no_attempt()
    {
        await using var f = new ForewarnFactory();
        var corvid = Person(f, "partner-user");
        var visitor = new PortalVisitor(f);
        var (r, html) = await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", corvid.Email), ("Input.Password", ""));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Matches("id=\"password-error\"[^>]*>Enter your password.<", html);
        var user = await f.InStoreAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == corvid.Email));
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_signs_no_one_in()
    {
        await using var f = new ForewarnFactory();
        var corvid = Person(f, "partner-user");
        var visitor = new PortalVisitor(f);
        await visitor.GetAsync("/portal/sign-in"); // the form cookie is there; the token in the form is not
        var (forged, _) = await visitor.PostAsync("/portal/sign-in", ("Input.Email", corvid.Email), ("Input.Password", corvid.Password));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/portal")).Response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_and_showing_the_form_is_not()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Forewarn.Server.Portal.Accounts.SignInLimit.PerMinute + 1; i++)
            statuses.Add((await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", $"guess{i}@nowhere.example"), ("Input.Password", "a-guessed-password"))).Response.StatusCode);
        Assert.All(statuses.Take(Forewarn.Server.Portal.Accounts.SignInLimit.PerMinute), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal/sign-in")).Response.StatusCode);
    }

    [Fact]
    public async Task Portal_pages_forbid_inline_script_and_style_and_framing_and_the_stylesheet_is_served()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        foreach (var path in new[] { "/portal/sign-in", "/portal/two-factor" })
        {
            var (r, html) = await visitor.GetAsync(path);
            if (r.StatusCode == HttpStatusCode.Redirect) continue; // the two-factor step without a password step
            var csp = r.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            // No inline script: the one script the sign-in page may run (passkeys) is a file from this server.
            Assert.DoesNotContain("<script", html.Replace("<script src=\"/portal/passkeys.js\" defer></script>", "", StringComparison.Ordinal),
                StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        }
        var css = await visitor.Http.GetAsync("/portal/portal.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var landing = await visitor.Http.GetStringAsync("/");
        Assert.Contains("href=\"/portal\"", landing, StringComparison.Ordinal);
    }
}
