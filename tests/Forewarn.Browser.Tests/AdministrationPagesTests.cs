using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>The browser fixture with four eyes on, as the server's defaults have it, so there is a key to collect.</summary>
public sealed class FourEyesBrowserFixture : IAsyncLifetime
{
    public BrowserFixture Inner { get; } = new();

    public Task InitializeAsync()
    {
        FourEyes.On(Inner.Server.Settings);
        return Inner.InitializeAsync();
    }

    public Task DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>
/// The administration pages in a real browser: an advisory's CSAF details form and its withdrawal page,
/// the approvals page with a key waiting for Ines, the collect page before and after collecting, and the
/// people page with its re-send buttons. Each passes axe-core and fits a 375 px phone, with no CSP report.
/// </summary>
public sealed class AdministrationPagesTests(FourEyesBrowserFixture fixture) : IClassFixture<FourEyesBrowserFixture>
{
    private BrowserFixture F => fixture.Inner;

    private HttpClient Api(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(F.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task AssertFitsAPhoneAsync(IPage page)
    {
        await Axe.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(375, 740);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways on a phone");
        await Axe.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(1280, 800);
    }

    [BrowserFact]
    public async Task The_administration_pages_are_accessible_and_fit_a_phone()
    {
        var credentials = F.Server.Credentials;
        var ines = credentials.Portal!.Single(p => p.Role == "staff-admin");
        var start = ForewarnFactory.Start;
        var release = new DateTimeOffset(start.Year, start.Month, start.Day, 17, 0, 0, TimeSpan.Zero).AddDays(4);
        var reference = $"FW-{release.Year}-{release.Month:00}{release.Day:00}";

        // A write key for Ines, proposed by the second member and approved by Ines's own key: hers to collect.
        using var staff = Api(credentials.Staff.ApiKey);
        using var second = Api(credentials.SecondStaff!.ApiKey);
        var members = (await staff.GetFromJsonAsync<JsonArray>("/api/v1/staff"))!;
        var member = (string)members.Single(m => (string?)m!["name"] == "Ines Halvorsen")!["id"]!;
        var proposed = await second.PostAsJsonAsync("/api/v1/keys", new { owner = "staff", memberId = member, name = "Ines in a browser", scopes = new[] { "staff:read", "staff:write" } });
        var proposal = (string)(await proposed.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        (await staff.PostAsJsonAsync($"/api/v1/approvals/{proposal}/approve", new { })).EnsureSuccessStatusCode();
        // An open invitation, so the people page shows its re-send button.
        (await staff.PostAsJsonAsync("/api/v1/invitations", new { email = "browser.analyst@halcyon.example", role = "staff-analyst" })).EnsureSuccessStatusCode();

        var page = await F.Browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(page.Url + ": " + m.Text); };
        await page.GotoAsync(F.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(ines.Email);
        await page.GetByLabel("Password").FillAsync(ines.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(ines.TotpSecret!)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        // The details form is reached from the advisory's tabs.
        await page.GotoAsync(F.BaseUrl + $"/portal/staff/advisories/{reference}");
        await page.GetByRole(AriaRole.Link, new() { Name = "CSAF details" }).ClickAsync();
        await page.WaitForURLAsync($"**/portal/staff/advisories/{reference}/details");
        await AssertFitsAPhoneAsync(page);
        // A bad reference is said beside its row, and the page with the problems passes too.
        await page.Locator("#Input_References_0__Url").FillAsync("ftp://example.org/notice");
        await page.Locator("#Input_References_0__Summary").FillAsync("Not a web address");
        await page.GetByLabel("What changed (kept in the advisory's revisions)").FillAsync("A bad link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await page.Locator("#reference-0-error").WaitForAsync();
        Assert.Contains("http(s)", await page.Locator("#reference-0-error").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsAPhoneAsync(page);

        await page.GotoAsync(F.BaseUrl + $"/portal/staff/advisories/{reference}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Withdraw the advisory…" }).ClickAsync();
        await page.WaitForURLAsync($"**/portal/staff/advisories/{reference}/withdraw");
        await AssertFitsAPhoneAsync(page);

        await page.GotoAsync(F.BaseUrl + "/portal/staff/approvals");
        await AssertFitsAPhoneAsync(page);
        await page.Locator("#to-collect a").First.ClickAsync();
        await page.WaitForURLAsync($"**/portal/staff/approvals/collect/{proposal}");
        await AssertFitsAPhoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Collect the key" }).ClickAsync();
        await page.Locator("#collected-secret").WaitForAsync();
        Assert.StartsWith("fw_", await page.Locator("#collected-secret").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsAPhoneAsync(page);

        await page.GotoAsync(F.BaseUrl + "/portal/people");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Re-send the invitation for browser.analyst@halcyon.example with a new link" }).IsVisibleAsync());
        await AssertFitsAPhoneAsync(page);

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
        await page.CloseAsync();
    }
}
