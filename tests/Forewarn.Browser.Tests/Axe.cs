using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Forewarn.Browser.Tests;

/// <summary>The accessibility checks every portal page passes: axe-core finds nothing serious or critical, and nothing scrolls sideways on a phone.</summary>
public static class Axe
{
    public static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe ran in the page (the CSP does not keep it out)
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious));
    }

    /// <summary>At 375 px wide, the page is no wider than the screen; the viewport stays at that width.</summary>
    public static async Task AssertFitsAPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(375, 740);
        await AssertFitsAsync(page);
    }

    /// <summary>At the viewport's current width, nothing is wider than the screen (a wide table or picture scrolls inside its own region).</summary>
    public static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways");
}
