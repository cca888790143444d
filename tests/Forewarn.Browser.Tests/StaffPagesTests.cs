using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// The staff pages in a real browser: Ines signs in with her password and authenticator code, opens
/// every staff page of the dashboard, partners, policy and investigation areas, and each one passes axe,
/// fits a 375 px phone screen, and draws nothing its Content-Security-Policy blocks (the timeline is inline SVG).
/// </summary>
public sealed class StaffPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Every_staff_page_is_accessible_and_fits_a_phone()
    {
        var ines = fixture.Server.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(page.Url + ": " + m.Text); };

        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        // From home to the dashboard by the navigation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/staff");
        Assert.Equal("Staff dashboard", await page.Locator("h1").InnerTextAsync());
        await CheckAsync(page);

        var partner = fixture.Server.Credentials.Partners.First(p => p.Name.StartsWith("Corvid", StringComparison.Ordinal)).Id;
        string[] pages =
        [
            "/portal/staff/partners", "/portal/staff/partners?status=active&tier=Trusted", $"/portal/staff/partners/{partner}",
            $"/portal/staff/partners/{partner}/status", $"/portal/staff/partners/{partner}/tier", $"/portal/staff/partners/{partner}/details",
            "/portal/staff/policy", "/portal/staff/explain", "/portal/staff/cases", "/portal/staff/exposure",
        ];
        foreach (var path in pages)
        {
            await page.GotoAsync(fixture.BaseUrl + path);
            await CheckAsync(page);
        }

        // The explain form answers on its page.
        await page.GotoAsync(fixture.BaseUrl + "/portal/staff/explain");
        await page.GetByLabel("Partner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Artifact").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await page.Locator("#explanation").WaitForAsync();
        await CheckAsync(page);

        // A refused form: the error beside the field and in the alert.
        await page.GotoAsync(fixture.BaseUrl + $"/portal/staff/partners/{partner}/status");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("Give the reason", await page.Locator("#reason-error").InnerTextAsync());
        await CheckAsync(page);

        // The demo's case: its page with the timeline drawn inline, its forms, the exposure it links to.
        await page.GotoAsync(fixture.BaseUrl + "/portal/staff/cases");
        await page.Locator("#cases a").First.ClickAsync();
        await page.WaitForURLAsync("**/portal/staff/cases/*");
        var svg = page.Locator(".timeline svg");
        Assert.Equal("img", await svg.GetAttributeAsync("role"));
        Assert.True((await svg.BoundingBoxAsync())!.Height > 50, "the timeline is drawn");
        await CheckAsync(page);
        var casePath = new Uri(page.Url).AbsolutePath;
        foreach (var path in new[] { casePath + "/note", casePath + "/decide" })
        {
            await page.GotoAsync(fixture.BaseUrl + path);
            await CheckAsync(page);
        }
        await page.GotoAsync(fixture.BaseUrl + casePath);
        await page.Locator("a[href^='/portal/staff/exposure']").First.ClickAsync();
        await page.GetByLabel("Before (UTC, e.g. 2025-07-07 00:00)").FillAsync("2025-07-07 00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the exposure" }).ClickAsync();
        await page.Locator("#exposure").WaitForAsync();
        await CheckAsync(page);

        // The report opens on its portal route, a standalone document.
        var report = await page.GotoAsync(fixture.BaseUrl + casePath + "/report.html");
        Assert.Equal(200, report!.Status);
        Assert.StartsWith("Case ", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
        await page.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAsync(page);
    }
}
