using System.Net;
using System.Text.RegularExpressions;

namespace Forewarn.Benchmarks.Portal;

/// <summary>One page's weight: its HTML and everything it loads (stylesheets, scripts, images that are not inline).</summary>
public sealed record PageWeightResult(string Who, string Path, long HtmlBytes, long ResourceBytes, int Resources)
{
    public long Total => HtmlBytes + ResourceBytes;
}

/// <summary>
/// Weighs the portal's main pages as each demo user sees them: the pages of the user's navigation,
/// and the first deeper page each of them links to (an advisory, a partner, a case), counting the
/// bytes of the HTML and of each resource it loads, uncompressed (the stricter count).
/// </summary>
public static partial class PageWeight
{
    public static async Task<List<PageWeightResult>> WeighAsync(string who, HttpClient http, IEnumerable<string> start, CancellationToken ct)
    {
        var results = new List<PageWeightResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = start.ToList();
        var home = await http.GetStringAsync("/portal", ct);
        var nav = Nav().Match(home);
        if (nav.Success) pages.AddRange(Href().Matches(nav.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        foreach (var page in pages.Where(p => seen.Add(p)).ToList())
        {
            var (weight, html) = await WeighOneAsync(who, http, page, ct);
            if (weight is null || html is null) continue;
            results.Add(weight);
            // The first link in the page's main part that goes deeper than the page itself: its detail page.
            var main = MainPart().Match(html);
            var deeper = Href().Matches(main.Success ? main.Value : html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .FirstOrDefault(h => h.StartsWith(page.TrimEnd('/') + "/", StringComparison.Ordinal) && !h.Contains("receipt", StringComparison.Ordinal));
            if (deeper is not null && seen.Add(deeper) && (await WeighOneAsync(who, http, deeper, ct)).Weight is { } detail) results.Add(detail);
        }
        return results;
    }

    private static async Task<(PageWeightResult? Weight, string? Html)> WeighOneAsync(string who, HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode != HttpStatusCode.OK) return (null, null);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type != "text/html") return (null, null);
        var html = await response.Content.ReadAsStringAsync(ct);
        var bytes = (await response.Content.ReadAsByteArrayAsync(ct)).LongLength;
        var resources = Resource().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))
            .Where(src => !src.StartsWith("data:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        long resourceBytes = 0;
        foreach (var src in resources) resourceBytes += (await http.GetByteArrayAsync(src, ct)).LongLength;
        return (new PageWeightResult(who, path, bytes, resourceBytes, resources.Count), html);
    }

    [GeneratedRegex("<nav aria-label=\"Portal\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Nav();

    [GeneratedRegex("<main>.*?</main>", RegexOptions.Singleline)]
    private static partial Regex MainPart();

    [GeneratedRegex("href=\"(/portal[^\"#?]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<(link rel=\"stylesheet\" href|script[^>]*? src|img[^>]*? src)=\"([^\"]+)\"")]
    private static partial Regex Resource();
}
