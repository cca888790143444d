using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>The log benchmarks' figures as Markdown for docs/benchmarks.md.</summary>
internal static class LogReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Tessera's published write rate (12 cores, local disks), the scale the issue compares with.</summary>
    public const double Tessera = 2_900;

    public static string Machine(MachineFacts m) =>
        $"{m.Cores} cores, {m.Cpu}, {m.Memory}, {m.Os}, {m.Runtime}; load before {m.LoadBefore}, after {MachineFacts.LoadAverage()}.";

    public static string Appends(MachineFacts machine, TimeSpan window, IReadOnlyList<AppendRun> runs)
    {
        var md = new StringBuilder();
        md.AppendLine("#### Sustained appends (group commit)");
        md.AppendLine();
        md.AppendLine(C, $"{Machine(machine)} {window.TotalSeconds:0} s measured per row after a warm-up.");
        md.AppendLine();
        md.AppendLine("| store | producers | appends/s | × Tessera (2,900/s) | latency median | latency p99 | batches | batch median | batch p99 | batch max |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            md.AppendLine(C, $"| {r.Store} | {r.Producers:N0} | {r.PerSecond:N0} | {r.PerSecond / Tessera:0.0} | {r.LatencyMs.Median:0.0} ms | " +
                             $"{r.LatencyMs.P99:0.0} ms | {r.BatchSizes.Count:N0} | {r.BatchSizes.Median:0} | {r.BatchSizes.P99:0} | {r.BatchSizes.Max:0} |");
        return md.ToString();
    }

    public static string Proofs(MachineFacts machine, long entries, IReadOnlyList<ProofTiming> timings)
    {
        var md = new StringBuilder();
        md.AppendLine(C, $"#### Proofs from the store at {entries:N0} entries");
        md.AppendLine();
        md.AppendLine(C, $"{Machine(machine)} Random (index, size) and (from, to) pairs; every proof verified against its tree's root.");
        md.AppendLine();
        md.AppendLine("| store | proof | proofs | median | p99 | nodes read each |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var t in timings)
            md.AppendLine(C, $"| {t.Store} | {t.What} | {t.Ms.Count:N0} | {t.Ms.Median:0.000} ms | {t.Ms.P99:0.000} ms | {t.Nodes:0.0} |");
        return md.ToString();
    }

    public static string Serve(MachineFacts machine, IReadOnlyList<ServeComparison> runs)
    {
        var md = new StringBuilder();
        md.AppendLine("#### The content endpoint with log-then-serve");
        md.AppendLine();
        md.AppendLine(C, $"{Machine(machine)} Same server code and store, in-process; alternating rounds; the ratio is that of the medians (each round's own ratio beside it).");
        md.AppendLine();
        md.AppendLine("| store | artifact | concurrency | rounds | logged downloads/s | unlogged downloads/s | ratio | rounds' ratios | errors |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in runs)
            md.AppendLine(C, $"| {r.Store} | {r.Artifact} | {r.Concurrency} | {r.Logged.Count} | {r.LoggedMedian:N0} | {r.UnloggedMedian:N0} | {r.Ratio:0.00} | {string.Join(", ", r.RoundRatios.Select(x => x.ToString("0.00", C)))} | {r.Errors} |");
        return md.ToString();
    }
}
