using Microsoft.Playwright;

namespace Forewarn.Browser.Tests;

/// <summary>What a person sees opening the server in a real browser.</summary>
public sealed class LandingPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_landing_page_shows_the_programme_and_leads_to_the_api_reference()
    {
        var page = await fixture.Browser.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        // The pages' Content-Security-Policy (docs/security.md) must not block anything they use.
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/");

        Assert.Equal("Halcyon Software Early Warning Program", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("13", await page.Locator("#partners").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#embargoed").InnerTextAsync());
        Assert.DoesNotContain("FW-2026-1202", await page.Locator("body").InnerTextAsync());

        await page.ClickAsync("text=Interactive API reference");
        await page.WaitForURLAsync("**/api/reference/**");
        // Scalar renders the OpenAPI document in the page; its bundle comes from the server, not the network.
        var title = page.GetByRole(AriaRole.Heading, new() { Name = "Forewarn API" }).First;
        await title.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("Bearer <api key>", await page.Locator("body").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Partners" }).First.ClickAsync();
        var list = page.GetByText("List partners").First;
        await list.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.True(await list.IsVisibleAsync());
        Assert.DoesNotContain(failed, u => u.StartsWith(fixture.BaseUrl, StringComparison.Ordinal));
        Assert.Empty(blocked);
        await page.CloseAsync();
    }
}
