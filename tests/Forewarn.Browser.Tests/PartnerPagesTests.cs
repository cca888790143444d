using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Corvid's user in Chromium: from the inbox to an advisory, a refused feedback form, the log
/// entries and the time zone — each page accessible (axe) and readable at 375 px.
/// </summary>
public sealed class PartnerPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsCorvidAsync()
    {
        var corvid = fixture.Server.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(corvid.Email);
        await page.GetByLabel("Password").FillAsync(corvid.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");
        return page;
    }

    [BrowserFact]
    public async Task Corvid_opens_an_advisory_from_the_inbox_and_every_partner_page_is_accessible_on_a_phone()
    {
        var page = await SignInAsCorvidAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };

        await page.GotoAsync(fixture.BaseUrl + "/portal/inbox");
        await page.Locator("section.advisory h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/portal/advisories/**");
        Assert.True(await page.Locator("article.artifact").CountAsync() > 0);
        Assert.True(await page.Locator("a.download").CountAsync() > 0, "Corvid's first advisory has an item open to it");
        await Axe.AssertAccessibleAsync(page);

        // A feedback form sent without a verdict: the problem beside the field, the summary as an alert.
        await page.Locator("details.feedback summary").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Alert).First.WaitForAsync();
        Assert.Contains("Choose what you found.", await page.Locator("details.feedback[open] .field-error").First.InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        await page.GotoAsync(fixture.BaseUrl + "/portal/log-entries");
        Assert.Equal("Log entries about Corvid Networks Inc.", await page.Locator("h1").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        await page.GotoAsync(fixture.BaseUrl + "/portal/time-zone");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("Europe/Berlin", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        // The inbox now counts down in Berlin's time, still without a script.
        await page.GotoAsync(fixture.BaseUrl + "/portal/inbox");
        Assert.Contains("Europe/Berlin", await page.Locator("main").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);
        Assert.Empty(blocked);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_partner_admin_adds_a_webhook_and_the_page_is_accessible_on_a_phone()
    {
        var admin = fixture.Server.Credentials.Portal!.Single(p => p.Role == "partner-admin");
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(admin.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/webhooks");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("Receiver URL (https)").FillAsync("https://hooks.bastion.example/browser");
        await page.GetByLabel("wave.published").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await page.Locator("#new-secret").WaitForAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#new-secret").InnerTextAsync()));
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);
        await page.CloseAsync();
    }
}
