using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Serving;

/// <summary>One way of serving, measured: copies per second and whether every copy was right.</summary>
public sealed record ServePhase(string Name, int Copies, double Seconds, int Errors)
{
    public double CopiesPerSecond => Copies / Seconds;
}

/// <summary>Everything measured on one store.</summary>
/// <remarks>
/// The unmarked files are measured three times: first (a server a few seconds warm), interleaved
/// with the first copies (block for block, so both see the same warmth and the same machine load),
/// and last (the warmest). The first copies are compared with the interleaved and the last unmarked
/// rates; the first unmarked rate alone flatters them.
/// </remarks>
public sealed record ServeRun(string Store, ServeSubjects Subjects, ServePhase Unmarked, ServePhase Cold, ServePhase UnmarkedBeside,
    ServePhase Repeat, ServePhase UnmarkedAgain)
{
    public double ColdRatio => Cold.CopiesPerSecond / Unmarked.CopiesPerSecond;
    public double RepeatRatio => Repeat.CopiesPerSecond / UnmarkedAgain.CopiesPerSecond;

    /// <summary>First copies ÷ the unmarked files served in the blocks between theirs.</summary>
    public double ColdRatioBeside => Cold.CopiesPerSecond / UnmarkedBeside.CopiesPerSecond;

    /// <summary>First copies ÷ the unmarked files measured last, on the warmest server.</summary>
    public double ColdRatioToLater => Cold.CopiesPerSecond / UnmarkedAgain.CopiesPerSecond;
}

/// <summary>
/// Serving fingerprinted copies end to end: starts the real server (Release, own process, scratch
/// store), adds a ~100 KB Python PoC and an indicators file of the same size, then measures, with
/// the same concurrency, partner downloads of the indicators (served as they are), first downloads
/// of the PoC by distinct partners (cold copies: marked, checked by CPython, recorded) and repeat
/// downloads of it (each partner's copy again). Every PoC copy must differ from every other
/// partner's and be byte-identical on its repeat.
/// </summary>
public static class ServeDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (kb, partners, seconds, concurrency) = (Arg("--kb", 100), Arg("--partners", 60), Arg("--seconds", 10), Arg("--concurrency", 4));
        var (block, warmUp) = (Arg("--block", 20), Arg("--warm-up-partners", 20));
        var store = (Text("--store") ?? "sqlite") switch
        {
            "postgres" => StoreChoice.Postgres,
            "both" => StoreChoice.Both,
            _ => StoreChoice.Sqlite,
        };
        using var run = new DriverRun();
        var root = DriverRun.RepoRoot();
        return await DriverRun.GuardAsync(async () =>
        {
            if (!args.Contains("--no-build")) await ServerProcess.BuildAsync(root, run.Token);
            var demo = args.Contains("--demo");
            var machine = MachineFacts.Read(); // before the runs, so that "load before" is the load they started under
            var runs = await run.PerStoreAsync(store, (name, postgres) => RunStoreAsync(name, postgres, root, kb, partners, warmUp, seconds, concurrency, block, demo, run.Token));
            var markdown = ServeReport.Render(machine, concurrency, runs);
            Console.WriteLine(markdown);
            if (Text("--markdown") is { } path) await File.WriteAllTextAsync(path, markdown, run.Token);
            return runs.Any(r => r.Unmarked.Errors + r.Cold.Errors + r.UnmarkedBeside.Errors + r.Repeat.Errors + r.UnmarkedAgain.Errors > 0) ? 1 : 0;
        });
    }

    private static async Task<ServeRun> RunStoreAsync(string store, string? postgres, string root, int kb, int partners, int warmUp, int seconds,
        int concurrency, int block, bool demo, CancellationToken ct)
    {
        Console.WriteLine($"Starting the server on {store}…");
        await using var server = await ServerProcess.StartAsync(ServerProcess.DllPath(root), postgres, ct);
        Console.WriteLine($"Server process {server.Id}");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, UseProxy = false })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ServeSetup.StaffKeyAsync(server.DataDirectory, ct));
        Console.WriteLine(demo
            ? $"Adding the demo's Python PoC and technical description, unmarked files of the same sizes and {partners} partners…"
            : $"Adding a {kb} KB Python PoC, indicators of the same size and {partners} partners…");
        var subjects = await ServeSetup.PrepareAsync(client, root, server.DataDirectory, postgres, kb, partners, warmUp, demo, ct);
        Console.WriteLine($"PoC: {subjects.PocBytes:N0} bytes, {subjects.PocMarks} marks, prepared in {subjects.PrepareSeconds:0.00} s at upload.");

        // Warm-up: the serving path, the key cache and the connection pool; then first copies for
        // partners kept out of the measurement (the render path's JIT, the python3 workers).
        await LoopAsync(client, subjects.Unmarked, subjects.PartnerKeys, concurrency, TimeSpan.FromSeconds(3), null, null, ct);
        await ColdAsync(client, subjects.Marked, subjects.WarmUpKeys, concurrency, new ConcurrentDictionary<string, string>(), ct);
        var unmarked = await LoopAsync(client, subjects.Unmarked, subjects.PartnerKeys, concurrency, TimeSpan.FromSeconds(seconds), null, "unmarked", ct);
        Console.WriteLine($"  unmarked {unmarked.CopiesPerSecond:N1} copies/s (load {MachineFacts.LoadAverage()})");

        // First copies in blocks of partners, each block followed by as many unmarked downloads.
        var first = new ConcurrentDictionary<string, string>();
        var (cold, beside) = (new ServePhase("cold copies", 0, 0, 0), new ServePhase("unmarked beside", 0, 0, 0));
        foreach (var group in subjects.PartnerKeys.Chunk(Math.Max(1, block)))
        {
            var c = await ColdAsync(client, subjects.Marked, group, concurrency, first, ct);
            var u = await CountAsync(client, subjects.Unmarked, subjects.PartnerKeys, concurrency, c.Copies, ct);
            cold = cold with { Copies = cold.Copies + c.Copies, Seconds = cold.Seconds + c.Seconds, Errors = cold.Errors + c.Errors };
            beside = beside with { Copies = beside.Copies + u.Copies, Seconds = beside.Seconds + u.Seconds, Errors = beside.Errors + u.Errors };
        }
        var distinct = first.Values.Distinct().Count();
        Console.WriteLine($"  cold {cold.CopiesPerSecond:N1} copies/s ({distinct} distinct copies of {first.Count}), unmarked beside {beside.CopiesPerSecond:N1} (load {MachineFacts.LoadAverage()})");
        cold = cold with { Errors = cold.Errors + (first.Count - distinct) };

        var repeat = await LoopAsync(client, subjects.Marked, subjects.PartnerKeys, concurrency, TimeSpan.FromSeconds(seconds), first, "repeat", ct);
        Console.WriteLine($"  repeat {repeat.CopiesPerSecond:N1} copies/s (load {MachineFacts.LoadAverage()})");
        var again = await LoopAsync(client, subjects.Unmarked, subjects.PartnerKeys, concurrency, TimeSpan.FromSeconds(seconds), null, "unmarked again", ct);
        Console.WriteLine($"  unmarked again {again.CopiesPerSecond:N1} copies/s (load {MachineFacts.LoadAverage()})");
        return new ServeRun(store, subjects, unmarked, cold, beside, repeat, again);
    }

    /// <summary>Each of <paramref name="keys"/>' partners downloads each marked artifact once (its first copy), <paramref name="concurrency"/> at a time.</summary>
    private static async Task<ServePhase> ColdAsync(HttpClient client, IReadOnlyList<string> marked, IReadOnlyList<string> keys, int concurrency,
        ConcurrentDictionary<string, string> first, CancellationToken ct)
    {
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var downloads = keys.SelectMany(key => marked.Select(artifact => (Artifact: artifact, Key: key))).ToList();
        await Parallel.ForEachAsync(downloads, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (d, token) =>
        {
            if (await DownloadAsync(client, d.Artifact, d.Key, token) is { } hash) first[$"{d.Artifact}|{d.Key}"] = hash;
            else Interlocked.Increment(ref errors);
        });
        return new ServePhase("cold copies", downloads.Count, clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary><paramref name="count"/> downloads of the unmarked files, round-robin over partners, <paramref name="concurrency"/> at a time.</summary>
    private static async Task<ServePhase> CountAsync(HttpClient client, IReadOnlyList<string> artifacts, IReadOnlyList<string> keys, int concurrency,
        int count, CancellationToken ct)
    {
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var start = Random.Shared.Next(keys.Count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (n, token) =>
        {
            if (await DownloadAsync(client, artifacts[n % artifacts.Count], keys[(start + n / artifacts.Count) % keys.Count], token) is null)
                Interlocked.Increment(ref errors);
        });
        return new ServePhase("unmarked beside", count, clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary>Downloads round-robin over the partners and artifacts for a while; with <paramref name="expected"/>, each copy must be the partner's first.</summary>
    private static async Task<ServePhase> LoopAsync(HttpClient client, IReadOnlyList<string> artifacts, IReadOnlyList<string> keys, int concurrency, TimeSpan duration,
        IReadOnlyDictionary<string, string>? expected, string? name, CancellationToken ct)
    {
        var (copies, errors, next) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref next) & int.MaxValue;
                var key = keys[n / artifacts.Count % keys.Count];
                var artifact = artifacts[n % artifacts.Count];
                var hash = await DownloadAsync(client, artifact, key, ct);
                if (hash is null || (expected is not null && expected.GetValueOrDefault($"{artifact}|{key}") != hash)) Interlocked.Increment(ref errors);
                else Interlocked.Increment(ref copies);
            }
        }));
        return new ServePhase(name ?? "warm-up", copies, clock.Elapsed.TotalSeconds, errors);
    }

    private static int failureShown;

    /// <summary>The SHA-256 of the copy served, or null when the download failed or its hash header disagrees.</summary>
    private static async Task<string?> DownloadAsync(HttpClient client, string artifact, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/me/artifacts/{artifact}/content");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            if (Interlocked.Exchange(ref failureShown, 1) == 0)
            {
                Console.Error.WriteLine($"First failed download ({artifact}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                Console.Error.WriteLine(await client.GetStringAsync("/api/v1/access-records?limit=1", ct));
            }
            return null;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(ct)));
        return response.Headers.TryGetValues("X-Forewarn-Copy-Sha256", out var header) && header.Single() == hash ? hash : null;
    }
}
