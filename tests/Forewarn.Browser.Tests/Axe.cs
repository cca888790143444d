using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Forewarn.Browser.Tests;

/// <summary>axe-core in the page: no serious or critical accessibility violation, and axe ran at all (the CSP does not keep it out).</summary>
internal static class Axe
{
    public static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious));
    }

    /// <summary>Readable on a phone: nothing wider than the screen (a wide table or picture scrolls inside its own region).</summary>
    public static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways");
}
