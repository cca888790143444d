using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>The dashboard shows what the staff API answers for the same store: overdue acknowledgements, the log's checkpoint, the signals.</summary>
public sealed class DashboardPageTests
{
    [Fact]
    public async Task The_dashboard_shows_what_the_api_shows()
    {
        await using var f = new ForewarnFactory();
        var ines = await StaffVisitors.InesAsync(f);
        var (home, homeHtml) = await ines.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("href=\"/portal/staff\"", homeHtml, StringComparison.Ordinal);

        var (page, html) = await ines.GetAsync("/portal/staff");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("unsafe-inline", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var shown = WebUtility.HtmlDecode(html);
        var staff = f.Staff();

        var overdue = (await staff.GetJson("/api/v1/acknowledgements/overdue")).AsArray();
        foreach (var o in overdue) Assert.Contains($"{(string)o!["legalName"]!} has not acknowledged {(string)o["advisory"]!}", shown, StringComparison.Ordinal);
        Assert.Equal(overdue.Count, System.Text.RegularExpressions.Regex.Matches(shown, "has not acknowledged").Count);

        // The checkpoint shown is one the log published: its size, and the start of its root hash (the note holds it in base64).
        var size = long.Parse(System.Text.RegularExpressions.Regex.Match(html, "Latest checkpoint: <strong>(\\d+)</strong>").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        var published = (await staff.GetJson($"/log/v1/checkpoints?after={size - 1}&limit=1"))["checkpoints"]!.AsArray().Single()!;
        Assert.Equal(size, (long)published["size"]!);
        var root = Convert.ToHexStringLower(Convert.FromBase64String(((string)published["checkpoint"]!).Split('\n')[2]));
        Assert.Contains($"title=\"{root}\">{root[..16]}", html, StringComparison.Ordinal);

        var signals = (await staff.GetJson("/api/v1/signals"))["signals"]!.AsArray().Count;
        Assert.StartsWith($"{signals} signal", System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Match(html, "id=\"signal-count\">(.*?)</p>").Groups[1].Value, "<[^>]+>", ""), StringComparison.Ordinal);

        var open = (await staff.GetJson("/api/v1/cases?state=open")).AsArray();
        foreach (var c in open) Assert.Contains($"href=\"/portal/staff/cases/{(string)c!["reference"]!}\"", html, StringComparison.Ordinal);
    }
}
