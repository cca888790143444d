extern alias server;

using System.Diagnostics;
using System.Globalization;
using Forewarn.Benchmarks.Http;
using Microsoft.EntityFrameworkCore;
using server::Forewarn.Server.Exposure;

namespace Forewarn.Benchmarks.Exposure;

/// <summary>
/// `exposure [--partners 10000] [--entries 1000000] [--rounds 3] [--store sqlite|postgres|both]`:
/// the exposure analysis (<see cref="ExposureService"/>, the endpoint's own code) over a store of
/// N partners and M served entries of the advisory, T in the middle of them, against one
/// sequential read of the same M entries (every column) from the same store in the same run —
/// alternately, each round, and the medians compared.
/// </summary>
internal static class ExposureDriver
{
    public sealed record Figures(string Store, int Partners, long Entries, TimeSpan Build, List<double> Exposure, List<double> Read,
        int Fetched, int FetchedPoc, long Bytes)
    {
        public double ExposureMedian => Median(Exposure);
        public double ReadMedian => Median(Read);
        private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        long Number(string name, long fallback) => Text(name) is { } t ? long.Parse(t, CultureInfo.InvariantCulture) : fallback;
        var store = Enum.Parse<StoreChoice>(Text("--store") ?? "sqlite", ignoreCase: true);
        var (partners, entries, rounds) = ((int)Number("--partners", 10_000), Number("--entries", 1_000_000), (int)Number("--rounds", 3));
        using var run = new DriverRun();
        return await DriverRun.GuardAsync(async () =>
        {
            var machine = MachineFacts.Read();
            var figures = await run.PerStoreAsync(store, (name, pg) => OneAsync(name, pg, partners, entries, rounds, run.Token));
            var markdown = Report(machine, figures);
            Console.WriteLine(markdown);
            if (Text("--markdown") is { } path) await File.WriteAllTextAsync(path, markdown, run.Token);
            return 0;
        });
    }

    private static async Task<Figures> OneAsync(string name, string? postgres, int partners, long entries, int rounds, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), "forewarn-exposurebench", Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"{name}: building {partners:N0} partners and {entries:N0} served entries…");
            var built = await ExposureStore.BuildAsync(directory, postgres, partners, entries, 20_000, ct);
            Console.WriteLine($"{name}: built in {built.Took.TotalSeconds:N0} s");
            var before = built.Loaded.AddDays(3);
            var exposure = new List<double>();
            var read = new List<double>();
            ExposureReport? report = null;
            long bytes = 0;
            for (var round = 0; round <= rounds; round++) // round 0 warms both up and is not counted
            {
                await using (var db = DriverRun.OpenStore(directory, postgres))
                {
                    var clock = Stopwatch.StartNew();
                    bytes = 0;
                    var rows = db.LogEntries.AsNoTracking().OrderBy(e => e.Index)
                        .Select(e => new { e.Index, e.Kind, e.PartnerId, e.ArtifactId, e.Body }).AsAsyncEnumerable();
                    await foreach (var row in rows.WithCancellation(ct)) bytes += row.Body.Length + row.Kind.Length;
                    if (round > 0) read.Add(clock.Elapsed.TotalSeconds);
                }
                await using (var db = DriverRun.OpenStore(directory, postgres))
                {
                    var clock = Stopwatch.StartNew();
                    report = await new ExposureService(db, TimeProvider.System).AnalyseAsync(built.Reference, before.ToString("O", CultureInfo.InvariantCulture), ct);
                    if (round > 0) exposure.Add(clock.Elapsed.TotalSeconds);
                }
                if (round > 0) Console.WriteLine($"{name} round {round}: exposure {exposure[^1]:0.00} s, sequential read {read[^1]:0.00} s");
            }
            return new Figures(name, built.Partners, built.Entries, built.Took, exposure, read,
                report!.Groups.FetchedPoc.Count + report.Groups.FetchedOther.Count, report.Groups.FetchedPoc.Count, bytes);
        }
        finally
        {
            if (postgres is null) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static string Report(MachineFacts m, List<Figures> runs)
    {
        var lines = new List<string>
        {
            $"Machine: {m.Cores} cores, {m.Cpu}, {m.Memory}, {m.Os}, {m.Runtime}; load before {m.LoadBefore}. {DateTime.UtcNow:yyyy-MM-dd}.",
            "",
            "| store | partners | served entries (bytes) | partners fetched by T (PoC) | exposure analysis (median) | one sequential read (median) | ratio |",
            "|---|---|---|---|---|---|---|",
        };
        foreach (var r in runs)
            lines.Add(FormattableString.Invariant(
                $"| {r.Store} | {r.Partners:N0} | {r.Entries:N0} ({r.Bytes / 1e6:0} MB) | {r.Fetched:N0} ({r.FetchedPoc:N0}) | {r.ExposureMedian:0.00} s (runs {string.Join(", ", r.Exposure.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}) | {r.ReadMedian:0.00} s (runs {string.Join(", ", r.Read.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}) | {r.ExposureMedian / r.ReadMedian:0.00}× |"));
        return string.Join('\n', lines);
    }
}
