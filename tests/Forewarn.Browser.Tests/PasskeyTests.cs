using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Passkeys in a real browser with Chromium's virtual authenticator (DevTools protocol WebAuthn
/// domain), against the real server on <c>localhost</c>: a staff admin signs in with password and
/// code, adds a passkey on the account page, signs out, and signs in again with the passkey alone.
/// </summary>
public sealed class PasskeyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    [BrowserFact]
    public async Task A_staff_admin_adds_a_passkey_and_then_signs_in_with_it_alone()
    {
        var ines = fixture.Server.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };
        await AddVirtualAuthenticatorAsync(page);

        await page.GotoAsync(fixture.LocalhostUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/account");
        Assert.Contains("You have no passkeys yet.", await page.ContentAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("Name of the new passkey").FillAsync("virtual test key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        try
        {
            await page.Locator("#passkey-list").WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // Say what the page said (the script's status line, or the server's sentence beside the field).
            Assert.Fail("No passkey was added: " + await page.Locator("main").InnerTextAsync() + " | console: " + string.Join(" / ", console));
        }
        Assert.Contains("Passkey 'virtual test key' added.", await page.Locator("p.done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("virtual test key", await page.Locator("#passkey-list").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);

        // The account page does not scroll sideways on a phone.
        await page.SetViewportSizeAsync(375, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the account page scrolls sideways at 375 px");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/sign-in");

        // The passkey alone: no e-mail address, no password, no code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await page.WaitForURLAsync(fixture.LocalhostUrl + "/portal", new() { Timeout = 15_000 });
        Assert.Equal("Welcome, Ines Halvorsen", await page.Locator("h1").InnerTextAsync());
        Assert.Empty(blocked);
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_people_page_is_accessible_and_fits_a_phone()
    {
        var ines = fixture.Server.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.LocalhostUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/people");
        Assert.Contains("Corvid Networks Inc.", await page.Locator("#people").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("E-mail address").FillAsync("noor@halcyon.example");
        await page.GetByLabel("Role").SelectOptionAsync("staff-analyst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await page.Locator("#invitation-link").WaitForAsync();
        Assert.Contains("noor@halcyon.example", await page.Locator("#open-invitations").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);

        await page.SetViewportSizeAsync(375, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the people page scrolls sideways at 375 px");
        await context.CloseAsync();
    }
}
