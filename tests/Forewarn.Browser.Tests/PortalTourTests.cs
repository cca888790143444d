using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OtpNet;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Every page each demo user can reach from the portal's navigation — and the first page each of
/// those links deeper to (an advisory, a partner, a case) — opens, passes axe-core with no serious
/// or critical violation, breaks no Content-Security-Policy rule, and fits a 375 px phone screen.
/// With <c>FOREWARN_SCREENSHOTS</c> set to a folder, a picture of each is saved there (how
/// docs/images/portal/ is made: docs/portal.md).
/// </summary>
public sealed class PortalTourTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Roles = ["staff-admin", "partner-admin", "partner-user"];

    [BrowserFact]
    public async Task Every_page_a_demo_user_can_reach_is_accessible_within_its_policy_and_fits_a_phone()
    {
        var problems = new List<string>();
        var visited = 0;
        foreach (var role in Roles)
        {
            var person = fixture.Server.Credentials.Portal!.Single(p => p.Role == role);
            await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
            var page = await context.NewPageAsync();
            var blocked = new List<string>();
            page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add($"{page.Url}: {m.Text[..Math.Min(80, m.Text.Length)]}"); };
            await SignInAsync(page, person.Email, person.Password, person.TotpSecret);

            var pages = new List<string> { "/portal" };
            foreach (var link in await page.Locator("nav[aria-label=Portal] a").AllAsync())
                if (await link.GetAttributeAsync("href") is { } href && href.StartsWith("/portal", StringComparison.Ordinal) && !pages.Contains(href)) pages.Add(href);

            for (var i = 0; i < pages.Count; i++)
            {
                var path = pages[i];
                var response = await page.GotoAsync(fixture.BaseUrl + path);
                visited++;
                if (response?.Status != 200)
                {
                    problems.Add($"{role} {path}: answered {response?.Status}");
                    continue;
                }
                problems.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{role} {path}: {v}"));
                await page.SetViewportSizeAsync(375, 740);
                if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    problems.Add($"{role} {path}: scrolls sideways at 375 px");
                await page.SetViewportSizeAsync(1280, 860);
                await PictureAsync(page, role, path);
                // The first page this one links deeper to, once per navigation page.
                if (pages.IndexOf(path) < 32 && await DeeperLinkAsync(page, path) is { } deeper && !pages.Contains(deeper)) pages.Insert(i + 1, deeper);
            }
            problems.AddRange(blocked.Select(b => $"{role}: {b}"));
        }
        Assert.True(visited >= 5, $"only {visited} pages were reached");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task SignInAsync(IPage page, string email, string password, string? totp)
    {
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (totp is not null)
        {
            await page.WaitForURLAsync("**/portal/two-factor");
            await page.GetByLabel("Code from your authenticator app").FillAsync(new Totp(Base32Encoding.ToBytes(totp)).ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
        await page.WaitForURLAsync("**/portal");
    }

    private static async Task<string?> DeeperLinkAsync(IPage page, string path)
    {
        // A page's details live under its own path — except the inbox's advisories, which have their own.
        var prefix = path == "/portal/inbox" ? "/portal/advisories/" : path.TrimEnd('/') + "/";
        foreach (var link in await page.Locator("main a").AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            if (href is not null && href.StartsWith(prefix, StringComparison.Ordinal) && !href.Contains("receipt", StringComparison.Ordinal)
                && !href.EndsWith(".png", StringComparison.Ordinal) && !href.EndsWith(".svg", StringComparison.Ordinal) && !href.Contains('?'))
                return href;
        }
        return null;
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        if (result.Passes.Length == 0) return ["axe did not run in the page"];
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
    }

    private static async Task PictureAsync(IPage page, string role, string path)
    {
        if (Environment.GetEnvironmentVariable("FOREWARN_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        // Ids change from run to run; the picture's name should not.
        var slug = System.Text.RegularExpressions.Regex.Replace(path.Trim('/'), "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "one").Replace('/', '-');
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{role}-{slug}.png"), FullPage = false });
    }
}
