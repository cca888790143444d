using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// The investigation forms in a real browser, as Ines: the sightings list, recording a sighting with a sample, the
/// embargo break's confirmation (refused unconfirmed, never sent here), opening a case, evidence, an appeal and closing
/// the case. Every page passes axe (no serious or critical violation), fits a 375 px phone, and reports no CSP violation.
/// </summary>
public sealed class InvestigationPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Every_investigation_form_is_accessible_and_fits_a_phone()
    {
        var ines = fixture.Server.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(page.Url + ": " + m.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        // Sightings: the list by the navigation, a refused record, then one with a sample on the advisory under embargo.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sightings", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/staff/sightings");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a sighting" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/staff/sightings/new");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the sighting" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckAsync(page);
        var start = ForewarnFactory.Start;
        var embargoed = new DateTimeOffset(start.Year, start.Month, start.Day, 17, 0, 0, TimeSpan.Zero).AddDays(4);
        var reference = $"FW-{embargoed.Year}-{embargoed.Month:00}{embargoed.Day:00}";
        await page.GetByLabel("Advisory (reference, or a CVE id it names)").FillAsync(reference);
        await page.GetByLabel("First observed (UTC, e.g. 2025-07-07 09:30)").FillAsync(start.AddHours(-6).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("A CERT's note");
        await page.GetByLabel("Confidence").SelectOptionAsync("high");
        await page.GetByLabel("Description").FillAsync("Requests to the update endpoint from two hosting networks.");
        await page.GetByLabel("Sample as text").FillAsync("GET /update?cache=../../etc HTTP/1.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the sighting" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        await CheckAsync(page);
        await page.Locator("#break-link").ClickAsync();
        await page.WaitForURLAsync("**/embargo-break");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Break the embargo and publish now" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.StartsWith("Tick the box", await page.Locator("#confirm-error").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page);
        await page.GotoAsync(fixture.BaseUrl + $"/portal/staff/sightings?advisory={reference}");
        await CheckAsync(page);

        // An appeal pending on the demo case's decision, for the appeal form.
        await page.GotoAsync(fixture.BaseUrl + "/portal/staff/cases");
        var demoCase = (await page.Locator("#cases a").First.InnerTextAsync()).Trim();
        var staff = fixture.Server.Staff();
        var corvid = fixture.Server.PartnerInfo("Corvid").Id;
        var decided = await (await staff.PostAsJsonAsync($"/api/v1/cases/{demoCase}/decisions", new { partner = corvid, kind = "warning", reason = "Late acknowledgement" }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var appealed = await fixture.Server.Partner("Corvid").PostAsJsonAsync($"/api/v1/me/decisions/{(string)decided!["id"]!}/appeal", new { text = "We were on time." });
        Assert.True(appealed.IsSuccessStatusCode);
        await page.GotoAsync(fixture.BaseUrl + $"/portal/staff/cases/{demoCase}");
        await page.Locator($"a[href$='/decisions/{(int)decided["number"]!}/appeal']").ClickAsync();
        await CheckAsync(page);
        await page.GetByLabel("Uphold the decision").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Decide the appeal" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckAsync(page);

        // A case opened from the list, evidence added, then closed.
        await page.GotoAsync(fixture.BaseUrl + "/portal/staff/cases");
        await page.Locator("#open-case").ClickAsync();
        await page.WaitForURLAsync("**/portal/staff/cases/open");
        await CheckAsync(page);
        await page.GetByLabel("Advisory", new() { Exact = true }).SelectOptionAsync(reference);
        await page.GetByLabel("Title").FillAsync("Exploitation before release");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        await CheckAsync(page);
        var casePath = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(fixture.BaseUrl + casePath + "/evidence");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Freeze the snapshot" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckAsync(page);
        await page.GetByLabel("Sighting", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the sighting" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        await page.GotoAsync(fixture.BaseUrl + casePath + "/close");
        await CheckAsync(page);
        await page.GetByLabel("Summary (what the investigation concluded)").FillAsync("Found independently; no partner's copy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        Assert.Equal("closed", await page.Locator("#case-state").InnerTextAsync());
        await CheckAsync(page);

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
        await page.CloseAsync();
    }

    private static async Task CheckAsync(IPage page)
    {
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAsync(page);
    }
}
