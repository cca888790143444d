using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Taxii;

/// <summary>One concurrency level: the bare endpoint and the pagers, measured one after the other on the same server.</summary>
public sealed record TaxiiLevel(int Pagers, PhaseResult Bare, PagingResult Paging)
{
    /// <summary>A page is one request: pages/s as a share of the bare endpoint's requests/s.</summary>
    public double Ratio => Paging.PagesPerSecond / Bare.RequestsPerSecond;
}

/// <summary>Everything measured on one store.</summary>
public sealed record TaxiiStoreRun(string Store, SeededCollection Seeded, int CollectionSize, IReadOnlyDictionary<string, int> Types,
    double ColdPassSeconds, int ColdPassPages, IReadOnlyList<TaxiiLevel> Levels);

/// <summary>
/// TAXII paging throughput end to end: starts the real server (Release, own process, scratch
/// store), seeds a collection of at least N objects for one partner through the staff API, reads
/// a reference copy of it, then for each concurrency level measures GET /ping and whole-collection
/// passes of …/objects/?limit=100 following next, one after the other in the same run.
/// </summary>
public static class TaxiiDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        TaxiiOptions options;
        try
        {
            options = TaxiiOptions.Parse(args);
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
            var markdown = TaxiiReport.Render(options, machine, MachineFacts.LoadAverage(), runs);
            Console.WriteLine(markdown);
            if (options.MarkdownPath is { } path) await File.WriteAllTextAsync(path, markdown, run.Token);
            return runs.Any(r => r.Levels.Any(l => l.Paging.BadPasses > 0 || l.Bare.Errors > 0)) ? 1 : 0;
        });
    }

    private static async Task<TaxiiStoreRun> RunStoreAsync(string store, string? postgres, string root, TaxiiOptions options, CancellationToken ct)
    {
        Console.WriteLine($"Starting the server on {store}…");
        await using var server = await ServerProcess.StartAsync(ServerProcess.DllPath(root), postgres, ct);
        Console.WriteLine($"Server process {server.Id} is healthy at {server.BaseAddress}.");

        SeededCollection seeded;
        using (var staff = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) })
        {
            staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffKeyAsync(server.DataDirectory, ct));
            Console.WriteLine($"Seeding {CollectionSeeder.AdvisoriesFor(options.Objects)} advisories ({CollectionSeeder.ObjectsPerAdvisory} STIX objects each) " +
                              $"through the API, {options.SeedConcurrency} at a time…");
            seeded = await CollectionSeeder.SeedAsync(staff, options.Objects, options.SeedConcurrency, ct);
            Console.WriteLine($"Seeded {seeded.Advisories} advisories ({seeded.Advisories * 6:N0} writes) in {seeded.Took.TotalSeconds:0.0} s.");
        }

        var maxPagers = options.Pagers.Max();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxPagers,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var pong = await client.GetStringAsync(LoadDriver.BarePath, ct);
        if (!pong.Contains("pong", StringComparison.Ordinal)) throw new InvalidOperationException($"{LoadDriver.BarePath} answered '{pong}'.");

        // The first pass after seeding maps every advisory to STIX (the catalogue is per facts generation).
        var cold = Stopwatch.StartNew();
        var first = await CollectionPager.ReadAllAsync(client, seeded.PartnerKey, options.Limit, ct);
        cold.Stop();
        // The reference: one sequential read in pages of 1,000, checked against what was seeded.
        var referencePass = await CollectionPager.ReadAllAsync(client, seeded.PartnerKey, 1000, ct);
        var reference = new HashSet<string>(referencePass.Ids, StringComparer.Ordinal);
        CheckReference(referencePass, reference, seeded);
        if (PagingLoad.Check(first, reference) is { } coldProblem) throw new InvalidOperationException($"The first pass differs from the reference: {coldProblem}");
        Console.WriteLine($"{seeded.PartnerName} sees {reference.Count:N0} objects ({Types(referencePass.Types)}); " +
                          $"first pass {first.Pages} pages in {cold.Elapsed.TotalSeconds:0.00} s.");

        if (options.WarmupSeconds > 0)
        {
            Console.WriteLine($"Warming up: {options.WarmupSeconds} s on {LoadDriver.BarePath}, then {options.WarmupSeconds} s of paging, {maxPagers} at a time…");
            var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
            await ClosedLoopLoad.RunAsync(client, LoadDriver.BarePath, null, maxPagers, warmup, long.MaxValue, server, new PhaseResult(LoadDriver.BarePath), ct);
            await PagingLoad.RunAsync(client, seeded.PartnerKey, options.Limit, maxPagers, warmup, reference, server, ct);
        }

        var levels = new List<TaxiiLevel>();
        var phase = TimeSpan.FromSeconds(options.Seconds);
        foreach (var pagers in options.Pagers)
        {
            Console.WriteLine($"{pagers} at a time: {options.Seconds} s on {LoadDriver.BarePath}, then {options.Seconds} s of whole-collection passes…");
            var bare = new PhaseResult(LoadDriver.BarePath);
            await ClosedLoopLoad.RunAsync(client, LoadDriver.BarePath, null, pagers, phase, long.MaxValue, server, bare, ct);
            var paging = await PagingLoad.RunAsync(client, seeded.PartnerKey, options.Limit, pagers, phase, reference, server, ct);
            var level = new TaxiiLevel(pagers, bare, paging);
            levels.Add(level);
            Console.WriteLine($"  /ping {bare.RequestsPerSecond:N0} req/s; paging {paging.PagesPerSecond:N1} pages/s, {paging.ObjectsPerSecond:N0} objects/s, " +
                              $"{paging.Passes} passes ({paging.BadPasses} wrong); ratio {level.Ratio:P2}");
            foreach (var problem in paging.Problems) Console.WriteLine("  " + problem);
        }
        return new TaxiiStoreRun(store, seeded, reference.Count, referencePass.Types, cold.Elapsed.TotalSeconds, first.Pages, levels);
    }

    /// <summary>The reference holds no id twice and at least every object the seeded advisories map to, type by type.</summary>
    private static void CheckReference(CollectionPass pass, HashSet<string> reference, SeededCollection seeded)
    {
        if (reference.Count != pass.Ids.Count)
            throw new InvalidOperationException($"The reference read served {pass.Ids.Count - reference.Count} ids twice.");
        var n = seeded.Advisories;
        var least = new Dictionary<string, int>
        {
            ["vulnerability"] = n, ["report"] = n, ["note"] = n, ["course-of-action"] = n,
            ["indicator"] = n * CollectionSeeder.IndicatorsPerAdvisory, ["relationship"] = n * (CollectionSeeder.IndicatorsPerAdvisory + 1),
        };
        foreach (var (type, count) in least)
        {
            if (pass.Types.GetValueOrDefault(type) < count)
                throw new InvalidOperationException($"The partner sees {pass.Types.GetValueOrDefault(type)} {type} objects, fewer than the {count} seeded.");
        }
    }

    internal static string Types(IReadOnlyDictionary<string, int> types) =>
        string.Join(", ", types.OrderByDescending(t => t.Value).Select(t => $"{t.Value:N0} {t.Key}"));

    private static async Task<string> StaffKeyAsync(string data, CancellationToken ct)
    {
        var path = Path.Combine(data, "demo-credentials.json");
        for (var i = 0; i < 40 && !File.Exists(path); i++) await Task.Delay(250, ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return json.RootElement.GetProperty("staff").GetProperty("apiKey").GetString()!;
    }
}
