using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Bastion's admin in Chromium reaches the keys page from the navigation, issues a key (its token
/// shown once), sees a refusal beside the scopes and revokes the key — the page accessible (axe)
/// in each state and readable at 375 px, with no Content-Security-Policy report.
/// </summary>
public sealed class PartnerKeysPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_partner_admin_issues_and_revokes_a_key_and_the_page_is_accessible_on_a_phone()
    {
        var admin = fixture.Server.Credentials.Portal!.Single(p => p.Role == "partner-admin");
        var page = await fixture.Browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(admin.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/keys");
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);
        await page.SetViewportSizeAsync(1280, 860);

        // Nothing ticked: refused beside the scopes, with the summary as an alert.
        await page.GetByLabel("Name").FillAsync("Browser poller");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).First.WaitForAsync();
        Assert.Contains("Choose at least one scope", await page.Locator("#scopes-error").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("Name").FillAsync("Browser poller");
        await page.GetByLabel("partner:read", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        await page.Locator("#new-token").WaitForAsync();
        Assert.StartsWith("fw_", await page.Locator("#new-token").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key Browser poller", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("Revoked", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);
        Assert.Empty(blocked);
        await page.CloseAsync();
    }
}
