using System.Diagnostics;
using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;
using Forewarn.Tracing.Tardos;

namespace Forewarn.Benchmarks.Tracing;

/// <summary>
/// `tracing [--trials 10000] [--collusion-trials 1000] [--curve-trials 300] [--runs 9] [--only a,b,curve,beyond,c] [--markdown FILE]`:
/// the fingerprinting code's targets (docs/benchmarks.md, section 7) — (a) a lone leaker among
/// 10,000 named from 40 readable marks, (b) 2 and 3 colluders among 1,000 caught from 500 and 1,500
/// marks, with the detection curve against the number of marks beside the length rule, (c) a trace
/// against 100,000 recipients with 1,000 marks. All at ε = 10⁻⁶ for the whole population.
/// </summary>
internal static class TracingDriver
{
    private const double Epsilon = 1e-6;

    public static int Run(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1].Split(',') : ["a", "b", "curve", "beyond", "c"];
        var markdown = Array.IndexOf(args, "--markdown") is var f and >= 0 && f + 1 < args.Length ? args[f + 1] : null;
        var trials = Option("--trials", 10_000);
        var collusionTrials = Option("--collusion-trials", 1_000);
        var curveTrials = Option("--curve-trials", 300);
        var runs = Option("--runs", 9);
        var machine = MachineFacts.Read();
        var total = Stopwatch.StartNew();
        var md = new StringBuilder();
        void Line(string s = "") { md.AppendLine(s); Console.WriteLine(s); }
        Line($"Tracing benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine.Cores} cores ({machine.Cpu}); {machine.Runtime}; AES-NI: {Aes128.Accelerated}; load average before: {machine.LoadBefore}");
        Line($"Trials: (a) {trials:N0}, (b) {collusionTrials:N0} per row, curve {curveTrials:N0} per point; timing runs {runs}. ε = 10⁻⁶ for the whole population.");
        Line();
        if (only.Contains("a"))
        {
            Line("### (a) A lone leaker among 10,000 from a fragment");
            Line();
            Line("| artifact sites | design c₀ | marks readable | trials | leaker named | leaks with an innocent accused | mean threshold | lone-leaker rule (SitesNeeded(1, 10,000, ε)) |");
            Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
            void Row(int sites, int readable, int n)
            {
                var tally = LeakSimulation.Run(n, 10_000, sites, 1, Attack.Interleave, readable, Epsilon, seed: 10 * sites + readable);
                Line($"| {sites:N0} | {TardosCode.DesignColluders(sites)} | {readable} | {n:N0} | **{tally.Caught:N0}** ({tally.CaughtShare:P2}) | {tally.LeaksWithInnocentAccused} | {tally.MeanThreshold:F2} | {AccusationThreshold.SitesNeeded(1, 10_000, Epsilon)} |");
            }
            Row(500, 40, trials);
            foreach (var r in new[] { 34, 36, 38 }) Row(500, r, curveTrials);
            foreach (var r in new[] { 40, 60, 80, 100 }) Row(1500, r, curveTrials);
            Line();
        }
        if (only.Contains("b"))
        {
            Line("### (b) Colluders among 1,000");
            Line();
            CollusionHeader(Line);
            foreach (var (c, m) in new[] { (2, 500), (3, 1500) })
                foreach (var attack in new[] { Attack.Interleave, Attack.Majority }) CollusionRow(Line, c, m, attack, collusionTrials);
            Line();
        }
        if (only.Contains("curve"))
        {
            Line("### (b) Detection against the number of marks (1,000 recipients)");
            Line();
            CollusionHeader(Line);
            foreach (var c in new[] { 2, 3 })
                foreach (var m in new[] { 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000 })
                    foreach (var attack in new[] { Attack.Interleave, Attack.Majority }) CollusionRow(Line, c, m, attack, curveTrials);
            Line();
        }
        if (only.Contains("beyond"))
        {
            Line("### Beyond the targets: minority vote, and more colluders than designed for (1,000 recipients)");
            Line();
            CollusionHeader(Line);
            foreach (var (c, m) in new[] { (2, 500), (3, 500), (3, 1000), (3, 1500), (4, 1500), (4, 2000), (5, 2000), (5, 4000), (6, 4000) })
                foreach (var attack in Enum.GetValues<Attack>()) CollusionRow(Line, c, m, attack, curveTrials);
            Line();
        }
        if (only.Contains("c"))
        {
            Line("### (c) Trace against 100,000 recipients, 1,000 marks, end to end");
            Line();
            Line("| path | design c₀ | bits per site | runs | median | best | CPU per run | lone leaker named alone |");
            Line("|---|---:|---:|---:|---:|---:|---:|---|");
            var fast = TraceTiming.Measure(100_000, 1000, null, runs);
            TimeRow(Line, "ScoreAll, default design", fast);
            TimeRow(Line, "ScoreAll, designed for 3", TraceTiming.Measure(100_000, 1000, 3, runs));
            var legacy = TraceTiming.LegacyMs(100_000, 1000, 1000);
            Line($"| old path (HMAC-SHA256 per 8 bytes, one thread; 1,000 recipients timed, scaled ×100) | 2 | 64 | 1 | {legacy:N0} ms | | | |");
            Line();
            Line($"Speed-up of the default design over the old path: **×{legacy / fast.MedianMs:N0}** (median against median).");
            Line();
        }
        Line($"Total {total.Elapsed.TotalSeconds:N0} s; load average after: {MachineFacts.LoadAverage()}.");
        if (markdown is not null) File.WriteAllText(markdown, md.ToString());
        return 0;
    }

    private static void CollusionHeader(Action<string> line)
    {
        line("| colluders | marks | design c₀ | attack | trials | at least one named | leaks with an innocent accused | mean threshold | mean best colluder score | length rule SitesNeeded(c, 1,000, ε) |");
        line("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    }

    private static void CollusionRow(Action<string> line, int colluders, int sites, Attack attack, int trials)
    {
        var tally = LeakSimulation.Run(trials, 1000, sites, colluders, attack, readable: null, Epsilon, seed: sites * 10 + colluders + (int)attack * 7919);
        line($"| {colluders} | {sites:N0} | {TardosCode.DesignColluders(sites)} | {attack.ToString().ToLowerInvariant()} | {trials:N0} | **{tally.CaughtShare:P1}** ({tally.Caught:N0}) | {tally.LeaksWithInnocentAccused} | {tally.MeanThreshold:F1} | {tally.MeanBestGuilty:F1} | {AccusationThreshold.SitesNeeded(colluders, 1000, Epsilon):N0} |");
    }

    private static void TimeRow(Action<string> line, string name, TraceTime t) =>
        line($"| {name} | {t.Design} | {(t.OneBitPerSite ? 1 : 16)} | {t.Runs} | **{t.MedianMs:F1} ms** | {t.BestMs:F1} ms | {t.CpuMsPerRun:F1} ms | {(t.LeakerNamedAlone ? "yes" : "NO")} |");
}
