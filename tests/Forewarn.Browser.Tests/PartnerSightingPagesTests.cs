using Microsoft.Playwright;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Corvid's user in Chromium on the sightings and decisions pages: a refused report with its
/// problems, a report that is listed, the decisions page — each accessible (axe) and readable at 375 px.
/// </summary>
public sealed class PartnerSightingPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Corvid_reports_a_sighting_and_reads_its_decisions_accessibly_on_a_phone()
    {
        var corvid = fixture.Server.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var page = await fixture.Browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(corvid.Email);
        await page.GetByLabel("Password").FillAsync(corvid.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        // From an advisory page to the form, its advisory chosen.
        await page.GotoAsync(fixture.BaseUrl + "/portal/inbox");
        await page.Locator("section.advisory h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/portal/advisories/**");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a sighting" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/sightings?advisory=**");
        Assert.NotEqual("", await page.GetByLabel("Advisory").InputValueAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        // Sent without a description: the problem beside the field, the summary as an alert.
        await page.GetByLabel("First seen (UTC)").FillAsync("2025-07-07 14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report the sighting" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).First.WaitForAsync();
        Assert.Equal("Say what you saw.", await page.Locator("#description-error").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        await page.GetByLabel("What you saw").FillAsync("Exploit attempts against the ToolPane endpoint on two gateways");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report the sighting" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("Exploit attempts against the ToolPane endpoint", await page.Locator("table").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Decisions" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/decisions");
        Assert.Equal("Decisions about your organisation", await page.Locator("h1").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);
        Assert.Empty(blocked);
        await page.CloseAsync();
    }
}
