using System.Net;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>Shared steps of the release tests: author an advisory, run a release pass, read the directory.</summary>
internal static class Releases
{
    public const string Vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    public static async Task ScheduleAsync(HttpClient staff, string reference, DateTimeOffset releaseAt, string cve = "CVE-2026-41001")
    {
        await staff.PostJson("/api/v1/advisories", new
        {
            reference,
            title = "Heap overflow in Halcyon Gateway request parser",
            summary = "A crafted request overflows a heap buffer in the gateway's parser and runs code as the service.",
            cveIds = new[] { cve },
            products = new[] { "Halcyon Gateway 5.2", "Halcyon Gateway 5.3" },
            cvssVector = Vector,
            releaseAt,
        }, HttpStatusCode.Created);
        await staff.PostJson($"/api/v1/advisories/{reference}/schedule", new { }, HttpStatusCode.OK);
    }

    public static Task<int> PassAsync<T>(WebApplicationFactory<T> server) where T : class =>
        server.Services.GetRequiredService<ReleasePublisher>().PublishDueAsync(CancellationToken.None);

    public static string PathOf(string reference, int year = 2026) => $"{year}/{reference.ToLowerInvariant()}.json";

    public static string DocumentUrl(string reference, int year = 2026) => "/.well-known/csaf/white/" + PathOf(reference, year);

    /// <summary>Whether anything of the advisory shows in the public directory: document, index, changes or feed.</summary>
    public static async Task<bool> AnywherePublicAsync(HttpClient anyone, string reference)
    {
        var path = PathOf(reference);
        var document = await anyone.GetAsync(DocumentUrl(reference));
        var index = await anyone.GetStringAsync("/.well-known/csaf/white/index.txt");
        var changes = await anyone.GetStringAsync("/.well-known/csaf/white/changes.csv");
        var feed = await anyone.GetStringAsync("/.well-known/csaf/white/csaf-feed-tlp-white.json");
        var hash = await anyone.GetAsync(DocumentUrl(reference) + ".sha256");
        var signature = await anyone.GetAsync(DocumentUrl(reference) + ".asc");
        return document.StatusCode != HttpStatusCode.NotFound || index.Contains(path, StringComparison.Ordinal)
            || changes.Contains(path, StringComparison.Ordinal) || feed.Contains(reference, StringComparison.OrdinalIgnoreCase)
            || hash.StatusCode != HttpStatusCode.NotFound || signature.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds; the background scheduler works on its own.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"Timed out waiting until {what}.");
    }
}
