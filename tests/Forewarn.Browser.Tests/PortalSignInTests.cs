using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Signing in to the portal in a real browser: password, then the code an authenticator app
/// would show (computed here from the demo's key); no page's Content-Security-Policy blocks
/// anything it uses; axe-core finds no serious or critical accessibility violation on the pages.
/// </summary>
public sealed class PortalSignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    [BrowserFact]
    public async Task Staff_sign_in_with_password_and_authenticator_code_through_the_pages()
    {
        var ines = fixture.Server.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var page = await fixture.Browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };

        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.ClickAsync("text=Sign in to the portal");
        await page.WaitForURLAsync("**/portal/sign-in**");
        // The stylesheet applied (it is the only style the page may use).
        Assert.Equal("flex", await page.Locator("header.bar").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await Axe.AssertAccessibleAsync(page);

        var code = new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp();
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");
        Assert.Equal("Welcome, Ines Halvorsen", await page.Locator("h1").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/sign-out");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/sign-in");
        Assert.Empty(blocked);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_wrong_password_is_said_on_the_page_and_the_page_stays_accessible()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync("nobody@nowhere.example");
        await page.GetByLabel("Password").FillAsync("not a password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("The e-mail address or the password is wrong.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_partner_users_inbox_is_reached_from_home_and_is_accessible()
    {
        var corvid = fixture.Server.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(corvid.Email);
        await page.GetByLabel("Password").FillAsync(corvid.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");
        await page.ClickAsync("#inbox-link");
        await page.WaitForURLAsync("**/portal/inbox");
        Assert.Equal("Inbox of Corvid Networks Inc.", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("section.advisory").CountAsync() > 0);
        await Axe.AssertAccessibleAsync(page);
        // Readable on a phone: nothing wider than the screen.
        await page.SetViewportSizeAsync(375, 740);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the inbox scrolls sideways on a phone");
        await page.CloseAsync();
    }
}
