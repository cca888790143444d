using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Partner;

/// <summary>The viewer's time zone (a cookie, no script) and the partner's own log entries with receipts.</summary>
public sealed class TimeAndEntriesPageTests
{
    [Fact]
    public async Task A_chosen_time_zone_is_kept_in_a_strict_portal_cookie_and_the_inbox_speaks_it()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        Assert.Contains("in UTC", (await visitor.GetAsync("/portal/inbox")).Html, StringComparison.Ordinal);

        var (saved, html) = await visitor.SubmitAsync("/portal/time-zone", ("Zone", "Asia/Kolkata"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var cookie = saved.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("forewarn-portal-tz=", StringComparison.Ordinal));
        Assert.Contains("path=/portal", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Asia/Kolkata", html, StringComparison.Ordinal);

        // India has no daylight saving time: 12:00 UTC is 17:30 there, whatever the date.
        var inbox = WebUtility.HtmlDecode((await visitor.GetAsync("/portal/inbox")).Html);
        Assert.Contains("Asia/Kolkata (UTC+05:30 now)", inbox, StringComparison.Ordinal);
        Assert.Contains($"As of {ForewarnFactory.Start:yyyy-MM-dd} 17:30 UTC+05:30 (12:00 UTC)", inbox, StringComparison.Ordinal);
        Assert.Matches(@"\(in \d+ d \d+ h\)", inbox);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_shown_beside_the_field_and_changes_nothing()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (refused, html) = await visitor.SubmitAsync("/portal/time-zone", ("Zone", "Mars/Olympus_Mons"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"zone-error\"[^>]*>Choose one of the listed time zones", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("forewarn-portal-tz=", StringComparison.Ordinal)));
        Assert.Contains("in UTC", (await visitor.GetAsync("/portal/inbox")).Html, StringComparison.Ordinal);
        // Forged: refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync("/portal/time-zone", ("Zone", "Europe/Paris"))).Response.StatusCode);
    }

    [Fact]
    public async Task The_log_entries_page_lists_what_the_api_lists_for_corvid_with_receipts()
    {
        await using var f = new ForewarnFactory();
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (advisory, artifact) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var download = await visitor.Http.GetAsync($"/portal/advisories/{advisory}?handler=content&artifact={artifact}");
        var index = download.Headers.GetValues("X-Forewarn-Log-Index").Single();

        var (page, html) = await visitor.GetAsync("/portal/log-entries");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"/portal/log-entries/{index}/receipt", html, StringComparison.Ordinal);
        Assert.Contains($"portal, {await CorvidAtThePortal.UserNameAsync(f)}", html, StringComparison.Ordinal);
        // Every entry the page lists is one the API lists for Corvid's key.
        var api = (await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/log/entries?limit=10000"))["entries"]!.AsArray().Select(e => (long)e!["index"]!).ToHashSet();
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "/portal/log-entries/(\\d+)/receipt").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, i => Assert.Contains(i, api));
        Assert.Equal(api.OrderDescending().Take(shown.Count), shown);
    }
}
