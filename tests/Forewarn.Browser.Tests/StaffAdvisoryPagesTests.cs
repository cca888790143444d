using Forewarn.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// The staff advisory pages in a real browser: Ines signs in with password and code, opens each
/// page from the navigation, checks a CVSS vector's score through the form, and every page passes
/// axe-core (no serious or critical violation) and does not scroll sideways at 375 px.
/// </summary>
public sealed class StaffAdvisoryPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    private static async Task AssertFitsAPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(375, 740);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways on a phone");
        await Axe.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(1280, 800);
    }

    [BrowserFact]
    public async Task Every_advisory_page_is_accessible_and_fits_a_phone()
    {
        var ines = fixture.Server.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        // The demo's advisory under embargo, released at 17:00 UTC four days after the demo was loaded.
        var start = ForewarnFactory.Start;
        var release = new DateTimeOffset(start.Year, start.Month, start.Day, 17, 0, 0, TimeSpan.Zero).AddDays(4);
        var reference = $"FW-{release.Year}-{release.Month:00}{release.Day:00}";
        var page = await fixture.Browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(page.Url + ": " + m.Text + " " + m.Location); };

        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" }).GetByRole(AriaRole.Link, new() { Name = "Advisories" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/staff/advisories");
        Assert.Equal("Advisories", await page.Locator("h1").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await AssertFitsAPhoneAsync(page);

        // The CVSS field: "Check score" answers with the score beside the field, without a script.
        await page.GetByRole(AriaRole.Link, new() { Name = "New advisory" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/staff/advisories/new");
        await page.GetByLabel("CVSS v3.1 or v4.0 vector").FillAsync("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check score" }).ClickAsync();
        await page.Locator("#cvss-result.cvss-score").WaitForAsync();
        Assert.Equal("Base score 9.8 (Critical), CVSS 3.1.", await page.Locator("#cvss-result").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        // A bad vector is said beside the field.
        await page.GetByLabel("CVSS v3.1 or v4.0 vector").FillAsync("CVSS:3.1/AV:N");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check score" }).ClickAsync();
        await page.Locator("#cvss-error").WaitForAsync();
        Assert.Contains("missing", await page.Locator("#cvss-error").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await AssertFitsAPhoneAsync(page);

        foreach (var path in new[]
        {
            $"/portal/staff/advisories/{reference}", $"/portal/staff/advisories/{reference}/edit", $"/portal/staff/advisories/{reference}/artifacts",
            $"/portal/staff/advisories/{reference}/waves", $"/portal/staff/advisories/{reference}/waves/1/deliveries",
            $"/portal/staff/advisories/{reference}/csaf",
        })
        {
            var response = await page.GotoAsync(fixture.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            await Axe.AssertAccessibleAsync(page);
            await AssertFitsAPhoneAsync(page);
        }
        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
        await page.CloseAsync();
    }
}
