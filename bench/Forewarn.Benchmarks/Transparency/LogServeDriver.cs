extern alias server;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using server::Forewarn.Server.Api;
using server::Forewarn.Server.Demo;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>One artifact served with and without the log: downloads per second in each round.</summary>
internal sealed record ServeComparison(string Store, string Artifact, int Concurrency, List<double> Logged, List<double> Unlogged, int Errors)
{
    public double LoggedMedian => new Percentiles(Logged).Median;
    public double UnloggedMedian => new Percentiles(Unlogged).Median;
    public double Ratio => LoggedMedian / UnloggedMedian;
    public IEnumerable<double> RoundRatios => Logged.Zip(Unlogged, (l, u) => l / u);
}

/// <summary>
/// `log serve`: the partner content endpoint (GET /api/v1/me/artifacts/{id}/content, a demo partner's
/// key) with log-then-serve — the real server — against the same server whose
/// <see cref="server::Forewarn.Server.Transparency.ILogAppender"/> is <see cref="NoLogAppender"/>.
/// Both run in this process on the same store (the demo programme, loaded once) at the same
/// concurrency, in alternating rounds; for an indicators file (served as it is) and a text
/// description (each partner's own marked copy). The ratio is that of the medians over the rounds.
/// </summary>
internal static class LogServeDriver
{
    public static async Task<List<ServeComparison>> RunAsync(string store, string? postgres, IReadOnlyList<int> levels, TimeSpan round, int rounds, CancellationToken ct)
    {
        var data = LogHost.FreshDirectory("serve");
        await using var logged = new LogHost(data, postgres, demo: true, unlogged: false);
        using var loggedClient = logged.CreateClient();
        await using var unlogged = new LogHost(data, postgres, demo: true, unlogged: true);
        using var unloggedClient = unlogged.CreateClient();
        var credentials = await DemoCredentials.ReadAsync(Path.Combine(data, "demo-credentials.json"), ct)
                          ?? throw new InvalidOperationException("The demo did not write its credentials.");

        var results = new List<ServeComparison>();
        foreach (var kind in new[] { "indicators", "description" })
        foreach (var concurrency in levels)
        {
            var found = await FindAsync(loggedClient, credentials, kind, ct);
            if (found is null)
            {
                Console.WriteLine($"  no {kind} artifact is open to a demo partner now; skipped");
                continue;
            }
            var (key, id, title) = found.Value;
            var comparison = new ServeComparison(store, $"{kind}: {title}", concurrency, [], [], 0);
            await LoopAsync(loggedClient, id, key, concurrency, TimeSpan.FromSeconds(2), true, ct);
            await LoopAsync(unloggedClient, id, key, concurrency, TimeSpan.FromSeconds(2), false, ct);
            var errors = 0;
            for (var r = 0; r < rounds; r++)
            {
                foreach (var withLog in r % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var (perSecond, failed) = await LoopAsync(withLog ? loggedClient : unloggedClient, id, key, concurrency, round, withLog, ct);
                    (withLog ? comparison.Logged : comparison.Unlogged).Add(perSecond);
                    errors += failed;
                }
            }
            comparison = comparison with { Errors = errors };
            Console.WriteLine($"  {kind} × {concurrency}: logged {comparison.LoggedMedian:N0}/s, unlogged {comparison.UnloggedMedian:N0}/s, ratio {comparison.Ratio:0.00} " +
                              $"(rounds: {string.Join(", ", comparison.RoundRatios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}), errors {errors}");
            results.Add(comparison);
        }
        return results;
    }

    /// <summary>A demo partner's key and an open artifact of <paramref name="kind"/>.</summary>
    private static async Task<(string Key, string Id, string Title)?> FindAsync(HttpClient client, DemoCredentials credentials, string kind, CancellationToken ct)
    {
        foreach (var partner in credentials.Partners)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/advisories");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", partner.ApiKey);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) continue;
            var advisories = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            var items = advisories is JsonArray array ? array : advisories?["items"]?.AsArray();
            foreach (var artifact in items?.SelectMany(a => a!["artifacts"]!.AsArray()) ?? [])
                if ((string?)artifact!["class"] == kind && (bool?)artifact["open"] == true)
                    return (partner.ApiKey, (string)artifact["id"]!, (string)artifact["title"]!);
        }
        return null;
    }

    /// <summary>Downloads for a while, <paramref name="concurrency"/> at a time: downloads per second and failures.</summary>
    private static async Task<(double PerSecond, int Errors)> LoopAsync(HttpClient client, string artifact, string key, int concurrency, TimeSpan duration,
        bool withLog, CancellationToken ct)
    {
        var (copies, errors) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/me/artifacts/{artifact}/content");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await client.SendAsync(request, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                var ok = response.StatusCode == HttpStatusCode.OK && body.Length > 0 && response.Headers.Contains(MeEndpoints.CopyHeader)
                         && (!withLog || response.Headers.Contains(MeEndpoints.LogIndexHeader));
                Interlocked.Increment(ref ok ? ref copies : ref errors);
            }
        }, ct)));
        return (copies / clock.Elapsed.TotalSeconds, errors);
    }
}
