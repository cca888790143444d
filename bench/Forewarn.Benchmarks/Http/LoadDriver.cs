using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Forewarn.Benchmarks.Http;

/// <summary>
/// End-to-end load on the partner endpoint GET /api/v1/me/advisories beside the bare GET /ping of
/// the same server, in the same run: starts the real server (Release build, separate process,
/// loopback only), warms both up, alternates timed closed-loop phases, reports and stops it.
/// </summary>
public static class LoadDriver
{
    public const string BarePath = "/ping";
    public const string PartnerPath = "/api/v1/me/advisories";

    /// <summary>The partner endpoint should reach this share of the bare endpoint's requests per second.</summary>
    public const double TargetRatio = 0.30;

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
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
            var runs = await run.PerStoreAsync(options.Store, (store, postgres) => RunStoreAsync(store, postgres, root, options, run.Token));
            var report = LoadReport.Render(options, machine, MachineFacts.LoadAverage(), runs);
            Console.WriteLine(report.Table);
            Console.WriteLine(report.Markdown);
            if (options.MarkdownPath is { } path) await File.WriteAllTextAsync(path, report.Markdown, run.Token);
            return runs.Any(r => r.All.Any(p => p.Errors > 0)) ? 1 : 0;
        });
    }

    private static async Task<StoreRun> RunStoreAsync(string store, string? postgres, string root, LoadOptions options, CancellationToken ct)
    {
        Console.WriteLine($"Starting the server on {store}…");
        await using var server = await ServerProcess.StartAsync(ServerProcess.DllPath(root), postgres, ct);
        Console.WriteLine($"Server process {server.Id} is healthy at {server.BaseAddress}.");
        var key = await PartnerKeyAsync(server.DataDirectory, options.Partner, ct);

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var shape = await CheckAnswersAsync(client, key, ct);
        Console.WriteLine($"{options.Partner} sees {shape}.");

        var run = new StoreRun(store, options.Partner, shape, new PhaseResult(BarePath), new PhaseResult(PartnerPath),
            [.. options.AlsoPaths.Select(p => new PhaseResult(p))]);
        if (options.WarmupSeconds > 0)
        {
            Console.WriteLine($"Warming up: {options.WarmupSeconds} s per endpoint…");
            var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
            await ClosedLoopLoad.RunAsync(client, BarePath, null, options.Connections, warmup, options.MaxRequestsPerPhase, server, new PhaseResult(BarePath), ct);
            await ClosedLoopLoad.RunAsync(client, PartnerPath, key, options.Connections, warmup, options.MaxRequestsPerPhase, server, new PhaseResult(PartnerPath), ct);
            foreach (var extra in run.Also)
                await ClosedLoopLoad.RunAsync(client, extra.Endpoint, KeyFor(extra.Endpoint, key), options.Connections, warmup, options.MaxRequestsPerPhase, server, new PhaseResult(extra.Endpoint), ct);
        }
        var phase = TimeSpan.FromSeconds((double)options.Seconds / options.Rounds);
        for (var round = 1; round <= options.Rounds; round++)
        {
            Console.WriteLine($"Round {round}/{options.Rounds}: {phase.TotalSeconds:0.#} s on {BarePath}, then {phase.TotalSeconds:0.#} s on {PartnerPath}, {options.Connections} connections…");
            await ClosedLoopLoad.RunAsync(client, BarePath, null, options.Connections, phase, options.MaxRequestsPerPhase, server, run.Bare, ct);
            await ClosedLoopLoad.RunAsync(client, PartnerPath, key, options.Connections, phase, options.MaxRequestsPerPhase, server, run.Partner, ct);
            // Extra paths help to tell where the partner endpoint's time goes.
            foreach (var extra in run.Also)
                await ClosedLoopLoad.RunAsync(client, extra.Endpoint, KeyFor(extra.Endpoint, key), options.Connections, phase, options.MaxRequestsPerPhase, server, extra, ct);
        }
        return run;
    }

    /// <summary>API paths get the partner's key; others (such as /health) go without, as the bare endpoint does.</summary>
    private static string? KeyFor(string path, string key) => path.StartsWith("/api/", StringComparison.Ordinal) ? key : null;

    /// <summary>Both endpoints answer 200 and the partner sees real content; returns what it sees.</summary>
    private static async Task<string> CheckAnswersAsync(HttpClient client, string key, CancellationToken ct)
    {
        var pong = await client.GetStringAsync(BarePath, ct);
        if (!pong.Contains("pong", StringComparison.Ordinal)) throw new InvalidOperationException($"{BarePath} answered '{pong}'.");
        using var request = new HttpRequestMessage(HttpMethod.Get, PartnerPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{PartnerPath} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var advisories = json.RootElement.GetArrayLength();
        var artifacts = json.RootElement.EnumerateArray().Sum(a => a.GetProperty("artifacts").GetArrayLength());
        if (advisories == 0) throw new InvalidOperationException($"{PartnerPath} listed no advisory; the load would not exercise the policy.");
        return $"{advisories} advisories with {artifacts} artifacts ({body.Length:N0} bytes of JSON)";
    }

    private static async Task<string> PartnerKeyAsync(string data, string partner, CancellationToken ct)
    {
        var path = Path.Combine(data, "demo-credentials.json");
        for (var i = 0; i < 40 && !File.Exists(path); i++) await Task.Delay(250, ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        foreach (var p in json.RootElement.GetProperty("partners").EnumerateArray())
        {
            if (string.Equals(p.GetProperty("name").GetString(), partner, StringComparison.OrdinalIgnoreCase))
                return p.GetProperty("apiKey").GetString()!;
        }
        throw new InvalidOperationException($"No demo partner named '{partner}' in {path}.");
    }
}
