extern alias server;

using System.Diagnostics;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Tree;
using Microsoft.Extensions.DependencyInjection;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>One measured window of appends with a number of producers.</summary>
internal sealed record AppendRun(string Store, int Producers, int Appends, double Seconds, Percentiles LatencyMs, Percentiles BatchSizes)
{
    public double PerSecond => Appends / Seconds;
}

/// <summary>
/// `log appends`: the real sequencer (<see cref="TransparencyLog"/>, resolved from the real server
/// host with its real log key) on a fresh store; N producers each await
/// <see cref="ILogAppender.AppendAsync"/> of content.served entries, one after another, for a fixed
/// time after a warm-up. Entries are made beforehand (the endpoint makes its own; here their cost
/// would only take CPU from the log) and reused in turn. Batch sizes are read from the answers:
/// entries committed together share their checkpoint's tree size.
/// </summary>
internal static class AppendDriver
{
    public static async Task<List<AppendRun>> RunAsync(string store, string? postgres, IReadOnlyList<int> producerCounts, TimeSpan warmUp,
        TimeSpan measure, CancellationToken ct)
    {
        var data = LogHost.FreshDirectory("appends");
        await using var host = new LogHost(data, postgres, demo: false, unlogged: false);
        var appender = host.Services.GetRequiredService<ILogAppender>();
        var events = new ContentEvents(11);
        var now = DateTimeOffset.UtcNow;
        LogEvent[] pool = [.. Enumerable.Range(0, 65_536).Select(i => events.Next(now.AddTicks(i)))];
        Console.WriteLine($"{store}: entries of {pool.Average(e => e.Body.Length):0} bytes on average (canonical JSON)");

        var runs = new List<AppendRun>();
        long total = 0;
        foreach (var producers in producerCounts)
        {
            await WindowAsync(appender, pool, producers, warmUp, null, ct);
            var latencies = new List<double>[producers];
            var sizes = new Dictionary<long, int>();
            var clock = Stopwatch.StartNew();
            var appended = await WindowAsync(appender, pool, producers, measure, (p, ms, entry) =>
            {
                (latencies[p] ??= []).Add(ms);
                lock (sizes) sizes[entry.TreeSize] = sizes.GetValueOrDefault(entry.TreeSize) + 1;
            }, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            total += appended;
            var run = new AppendRun(store, producers, appended, seconds, new Percentiles(latencies.Where(l => l is not null).SelectMany(l => l)),
                new Percentiles(sizes.Values.Select(v => (double)v)));
            Console.WriteLine($"  {producers,5} producers: {run.PerSecond,9:N0} appends/s; append latency median {run.LatencyMs.Median:0.0} ms, " +
                              $"p99 {run.LatencyMs.P99:0.0} ms; {run.BatchSizes.Count:N0} batches, size median {run.BatchSizes.Median:0}, " +
                              $"p99 {run.BatchSizes.P99:0}, max {run.BatchSizes.Max:0}");
            runs.Add(run);
        }

        // Every answer was durable: the store holds exactly as many entries, under a checkpoint whose root the nodes give.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var latest = await LogStore.LatestAsync(db, ct) ?? throw new InvalidOperationException("No checkpoint was written.");
        var root = await LogStore.WithNodesAsync(db, hash => MerkleTree.Root(latest.Size, hash), ct);
        if (!root.AsSpan().SequenceEqual(latest.Root)) throw new InvalidOperationException("The stored nodes do not give the latest checkpoint's root.");
        Console.WriteLine($"  store: {latest.Size:N0} entries, root checked against the latest checkpoint");
        TryDelete(data);
        return runs;
    }

    /// <summary>Producers append one entry after another until the time is up; returns how many were appended.</summary>
    private static async Task<int> WindowAsync(ILogAppender appender, LogEvent[] pool, int producers, TimeSpan duration,
        Action<int, double, LoggedEntry>? record, CancellationToken ct)
    {
        var appended = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var entry = pool[(Interlocked.Increment(ref next) & int.MaxValue) % pool.Length];
                var started = Stopwatch.GetTimestamp();
                var logged = await appender.AppendAsync(entry, ct);
                record?.Invoke(p, Stopwatch.GetElapsedTime(started).TotalMilliseconds, logged);
                Interlocked.Increment(ref appended);
            }
        }, ct)));
        return appended;
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, true);
        }
        catch (IOException)
        {
        }
    }
}
