using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Forewarn.Benchmarks.Http;
using Forewarn.Benchmarks.Taxii;

namespace Forewarn.Benchmarks.Pool;

/// <summary>Downloads on one store: every server's answers together, and what the database saw.</summary>
public sealed record DownloadRun(string Store, int Targets, StatusCount Answers, int? MostHeld, int OperatorTries, int OperatorRefused, string? Refusal,
    int? HeldAfter);

/// <summary>One path at one number of connections.</summary>
public sealed record PathRun(string Store, string Path, int Connections, StatusCount Answers);

/// <summary>
/// PostgreSQL under ordinary load, beside SQLite in the same run (issue 13, finding 7): N servers
/// of one programme on one store, each with M partner downloads in flight, then the partner inbox
/// and a TAXII objects page on one server at a few and at many connections. On PostgreSQL an
/// operator's session is tried four times a second throughout, as psql would be.
/// </summary>
public static class PoolDriver
{
    public const string InboxPath = "/api/v1/me/advisories";
    public const string TaxiiPath = CollectionPager.ObjectsPath + "?limit=100";

    public static async Task<int> RunAsync(string[] args)
    {
        PoolOptions options;
        try
        {
            options = PoolOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        using var run = new DriverRun();
        var root = DriverRun.RepoRoot();
        var machine = MachineFacts.Read();
        return await DriverRun.GuardAsync(async () =>
        {
            if (options.Build) await ServerProcess.BuildAsync(root, run.Token);
            var results = await run.PerStoreAsync(StoreChoice.Both, (store, postgres) => RunStoreAsync(store, postgres, root, options, run.Token));
            var report = PoolReport.Render(options, machine, MachineFacts.LoadAverage(), results);
            Console.WriteLine(report);
            if (options.MarkdownPath is { } path) await File.WriteAllTextAsync(path, report, run.Token);
            return results.Any(r => r.Downloads.Answers.ServerErrors > 0 || r.Paths.Any(p => p.Answers.ServerErrors > 0)) ? 1 : 0;
        });
    }

    private static async Task<(DownloadRun Downloads, List<PathRun> Paths)> RunStoreAsync(string store, string? postgres, string root,
        PoolOptions options, CancellationToken ct)
    {
        var dll = ServerProcess.DllPath(root);
        var servers = new List<ServerProcess>();
        try
        {
            Console.WriteLine($"Starting {options.Servers} servers on {store}…");
            servers.Add(await ServerProcess.StartAsync(dll, postgres, ct, extraArgs: options.ServerArgs));
            for (var i = 1; i < options.Servers; i++)
                servers.Add(await ServerProcess.StartAsync(dll, postgres, ct, servers[0].DataDirectory, options.ServerArgs));
            var clients = servers.Select(s => Client(s, Math.Max(options.Downloads, options.High))).ToList();
            var (targets, inboxKey) = await TargetsAsync(clients[0], servers[0].DataDirectory, ct);
            Console.WriteLine($"{targets.Count} downloads open to the demo partners; warming up {options.WarmupSeconds} s…");
            if (options.WarmupSeconds > 0)
            {
                var warm = TimeSpan.FromSeconds(options.WarmupSeconds);
                await Task.WhenAll(clients.Select(c => StatusLoad.RunAsync(c, targets, 16, warm, new StatusCount(), ct)));
                await StatusLoad.RunAsync(clients[0], [new(InboxPath, inboxKey)], 16, warm, new StatusCount(), ct);
                await StatusLoad.RunAsync(clients[0], [new(TaxiiPath, inboxKey, CollectionPager.MediaType)], 16, warm, new StatusCount(), ct);
            }
            var watch = postgres is null ? null : new ConnectionWatch(postgres);
            Console.WriteLine($"Downloads: {options.Servers} servers × {options.Downloads} in flight for {options.Seconds} s…");
            var answers = new StatusCount();
            using (var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var sampling = watch?.SampleAsync(stopWatching.Token) ?? Task.CompletedTask;
                var each = clients.Select(c => (Client: c, Count: new StatusCount())).ToList();
                await Task.WhenAll(each.Select(e => StatusLoad.RunAsync(e.Client, targets, options.Downloads, TimeSpan.FromSeconds(options.Seconds), e.Count, ct)));
                await stopWatching.CancelAsync();
                await sampling;
                foreach (var (_, count) in each) answers.Merge(count);
                answers.Elapsed = each.Max(e => e.Count.Elapsed);
            }
            int? after = null;
            if (watch is not null)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                after = await watch.CountAsync(ct);
            }
            var downloads = new DownloadRun(store, targets.Count, answers, watch?.MostHeld, watch?.OperatorTries ?? 0, watch?.OperatorRefused ?? 0,
                watch?.Refusal, after);
            Console.WriteLine($"  {answers.Ok:N0} served ({answers.OkPerSecond:N0}/s), {answers.ServerErrors:N0} 5xx [{answers.Statuses()}]"
                              + (answers.FirstServerError is { } first ? $"; first 5xx {Shorten(first)}" : ""));

            var paths = new List<PathRun>();
            foreach (var (path, accept) in new[] { (InboxPath, (string?)null), (TaxiiPath, CollectionPager.MediaType) })
            foreach (var connections in new[] { options.Low, options.High })
            {
                var count = new StatusCount();
                await StatusLoad.RunAsync(clients[0], [new(path, inboxKey, accept)], connections, TimeSpan.FromSeconds(options.Seconds), count, ct);
                Console.WriteLine($"  {path} at {connections}: {count.OkPerSecond:N0} req/s, {count.TimedOut:N0} over {PoolOptions.TimeoutAfter.TotalSeconds:0} s [{count.Statuses()}]");
                paths.Add(new PathRun(store, path, connections, count));
            }
            foreach (var c in clients) c.Dispose();
            return (downloads, paths);
        }
        finally
        {
            // The first server owns the data directory: stop it last.
            for (var i = servers.Count - 1; i >= 0; i--) await servers[i].DisposeAsync();
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static HttpClient Client(ServerProcess server, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Every artifact open to a demo partner now, with its key, that answers 200 once; and the key the inbox is read with.</summary>
    private static async Task<(List<Target> Targets, string InboxKey)> TargetsAsync(HttpClient client, string data, CancellationToken ct)
    {
        var path = Path.Combine(data, "demo-credentials.json");
        for (var i = 0; i < 40 && !File.Exists(path); i++) await Task.Delay(250, ct);
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        var targets = new List<Target>();
        string? inboxKey = null;
        foreach (var partner in credentials.RootElement.GetProperty("partners").EnumerateArray())
        {
            var key = partner.GetProperty("apiKey").GetString()!;
            if (partner.GetProperty("name").GetString() == LoadOptions.DefaultPartner) inboxKey = key;
            using var request = new HttpRequestMessage(HttpMethod.Get, InboxPath);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await client.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            using var inbox = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            foreach (var artifact in inbox.RootElement.EnumerateArray().SelectMany(a => a.GetProperty("artifacts").EnumerateArray()))
            {
                if (!artifact.GetProperty("open").GetBoolean()) continue;
                var target = new Target($"/api/v1/me/artifacts/{artifact.GetProperty("id").GetGuid()}/content", key);
                using var probe = new HttpRequestMessage(HttpMethod.Get, target.Path);
                probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var served = await client.SendAsync(probe, ct);
                if (served.StatusCode == HttpStatusCode.OK) targets.Add(target);
            }
        }
        if (targets.Count == 0 || inboxKey is null) throw new InvalidOperationException("The demo partners can download nothing; the load would test nothing.");
        // Mixed (with a fixed seed), so that the workers in flight at any moment download as different partners.
        var mixed = targets.ToArray();
        new Random(13).Shuffle(mixed);
        return ([.. mixed], inboxKey);
    }
}
