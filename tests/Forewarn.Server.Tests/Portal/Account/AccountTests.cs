using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Account;

/// <summary>The account page: changing the password, new recovery codes (shown once), setting up an authenticator when there is none.</summary>
public sealed partial class AccountTests
{
    /// <summary>Signs the demo user of <paramref name="role"/> in through the pages (password, and the code when the role has one).</summary>
    internal static async Task SignInAsync(ForewarnFactory f, PortalVisitor visitor, string role, string? password = null)
    {
        var person = f.Credentials.Portal!.Single(p => p.Role == role);
        var next = await visitor.PasswordAsync(person.Email, password ?? person.Password);
        if (next == "/portal/two-factor")
        {
            var (r, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(person.TotpSecret!)));
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        else Assert.Equal("/portal", next);
    }

    [Fact]
    public async Task A_password_change_needs_the_current_one_and_keeps_this_session()
    {
        await using var f = new ForewarnFactory();
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await SignInAsync(f, visitor, "partner-user");

        var (wrong, html) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=Password",
            ("Password.Current", "not my password at all"), ("Password.New", "a brand new long password"), ("Password.Again", "a brand new long password"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That is not your current password.", html, StringComparison.Ordinal);

        var (differ, differHtml) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=Password",
            ("Password.Current", corvid.Password), ("Password.New", "a brand new long password"), ("Password.Again", "another long password"));
        Assert.Contains("The two new passwords differ.", differHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, differ.StatusCode);

        var (shortOne, shortHtml) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=Password",
            ("Password.Current", corvid.Password), ("Password.New", "short"), ("Password.Again", "short"));
        Assert.Equal(HttpStatusCode.OK, shortOne.StatusCode);
        Assert.Contains("id=\"new-error\"", shortHtml, StringComparison.Ordinal);
        Assert.Contains("at least 12", shortHtml, StringComparison.OrdinalIgnoreCase);

        var (changed, done) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=Password",
            ("Password.Current", corvid.Password), ("Password.New", "a brand new long password"), ("Password.Again", "a brand new long password"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Your password is changed.", done, StringComparison.Ordinal);
        // This session goes on (renewed for the new security stamp) …
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal/account")).Response.StatusCode);
        // … and only the new password signs in.
        var other = new PortalVisitor(f);
        var (old, _) = await other.SubmitAsync("/portal/sign-in", ("Input.Email", corvid.Email), ("Input.Password", corvid.Password));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("/portal", await other.PasswordAsync(corvid.Email, "a brand new long password"));
    }

    [Fact]
    public async Task New_recovery_codes_are_shown_once_and_replace_the_old_ones()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        await SignInAsync(f, visitor, "staff-admin");
        var (page, html) = await visitor.GetAsync("/portal/account");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your authenticator app is set up.", html, StringComparison.Ordinal);

        var (made, codesHtml) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=RecoveryCodes");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var codes = Codes().Matches(codesHtml.Split("id=\"recovery-codes\"")[1].Split("</ul>")[0]).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("<strong id=\"recovery-left\">10</strong>", codesHtml, StringComparison.Ordinal);
        // Shown on that answer only.
        Assert.DoesNotContain(codes[0], (await visitor.GetAsync("/portal/account")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_sets_up_an_authenticator_from_the_account_page()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        await SignInAsync(f, visitor, "partner-user");
        var (account, html) = await visitor.GetAsync("/portal/account");
        Assert.Contains("You have no authenticator app set up.", html, StringComparison.Ordinal);

        var (shown, setup) = await visitor.GetAsync("/portal/account/authenticator");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var key = KeyShown().Match(setup).Groups[1].Value;
        Assert.NotEmpty(key);
        var (wrong, wrongHtml) = await visitor.SubmitAsync("/portal/account/authenticator", ("Code", "000000" == PortalVisitor.CodeFor(key) ? "111111" : "000000"));
        Assert.Contains("That code is not right", wrongHtml, StringComparison.Ordinal);
        var (done, codes) = await visitor.SubmitAsync("/portal/account/authenticator", ("Code", PortalVisitor.CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"recovery-codes\"", codes, StringComparison.Ordinal);
        // Still signed in (the session was renewed for the new security stamp), and the next sign-in asks for a code.
        Assert.Contains("Your authenticator app is set up.", (await visitor.GetAsync("/portal/account")).Html, StringComparison.Ordinal);
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        Assert.Equal("/portal/two-factor", await new PortalVisitor(f).PasswordAsync(corvid.Email, corvid.Password));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex Codes();

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyShown();
}
