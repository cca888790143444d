using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Pool;

/// <summary>The pool benchmark's figures as markdown, with the two targets' verdicts.</summary>
public static class PoolReport
{
    /// <summary>PostgreSQL's downloads/s should be at least this share of SQLite's under the same load.</summary>
    public const double TargetRatio = 0.5;

    public static string Render(PoolOptions o, MachineFacts machine, string loadAfter, IReadOnlyList<(DownloadRun Downloads, List<PathRun> Paths)> runs)
    {
        var md = new StringBuilder();
        string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        md.AppendLine(CultureInfo.InvariantCulture, $"Date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine.Cores} cores ({machine.Cpu}), {machine.Memory}; {machine.Runtime}; load average {machine.LoadBefore} before, {loadAfter} after.");
        var args = o.ServerArgs.Count > 0 ? $" Server arguments: `{string.Join(' ', o.ServerArgs)}`." : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"Load: {o.Servers} servers on one store, {o.Downloads} downloads in flight on each, {o.Seconds} s; then one server's inbox and TAXII page at {o.Low} and {o.High} connections, {o.Seconds} s each. A timeout is an answer slower than {PoolOptions.TimeoutAfter.TotalSeconds:0} s.{args}");
        md.AppendLine();
        md.AppendLine("| Store | Downloads served | Served/s | 5xx | Other answers | Timeouts | p50 ms | p99 ms | Most connections held | Operator sessions refused | Held 2 s after |");
        md.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (d, _) in runs)
        {
            var a = d.Answers;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {d.Store} | {N(a.Ok)} | **{N(a.OkPerSecond)}** | {N(a.ServerErrors)} | {a.Statuses()} | {N(a.TimedOut)} | {a.LatencyMs(0.5):0.#} | {a.LatencyMs(0.99):0.#} | {(d.MostHeld is { } m ? m.ToString(CultureInfo.InvariantCulture) : "—")} | {(d.MostHeld is null ? "—" : $"{d.OperatorRefused} of {d.OperatorTries}")} | {(d.HeldAfter is { } h ? h.ToString(CultureInfo.InvariantCulture) : "—")} |");
        }
        var sqlite = runs.FirstOrDefault(r => r.Downloads.Store == "SQLite").Downloads;
        var pg = runs.FirstOrDefault(r => r.Downloads.Store == "PostgreSQL").Downloads;
        if (sqlite is not null && pg is not null)
        {
            var ratio = pg.Answers.OkPerSecond / sqlite.Answers.OkPerSecond;
            md.AppendLine();
            var refusal = pg.Refusal is { } r ? $" The operator's session was refused with: {r}" : "";
            md.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL ÷ SQLite downloads/s: **{ratio:0.00}** (target ≥ {TargetRatio:0.0}, no 5xx): {(ratio >= TargetRatio && pg.Answers.ServerErrors == 0 ? "met" : "not met")}.{refusal}");
        }
        md.AppendLine();
        md.AppendLine("| Store | Path | Connections | Req/s (200) | 5xx | Other answers | Timeouts | p50 ms | p99 ms |");
        md.AppendLine("|---|---|---:|---:|---:|---|---:|---:|---:|");
        foreach (var p in runs.SelectMany(r => r.Paths))
        {
            var a = p.Answers;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Store} | `{p.Path}` | {p.Connections} | **{N(a.OkPerSecond)}** | {N(a.ServerErrors)} | {a.Statuses()} | {N(a.TimedOut)} | {a.LatencyMs(0.5):0.#} | {a.LatencyMs(0.99):0.#} |");
        }
        md.AppendLine();
        foreach (var group in runs.SelectMany(r => r.Paths).GroupBy(p => (p.Store, p.Path)))
        {
            var low = group.First(p => p.Connections == o.Low).Answers;
            var high = group.First(p => p.Connections == o.High).Answers;
            var held = high.OkPerSecond / low.OkPerSecond;
            md.AppendLine(CultureInfo.InvariantCulture, $"- {group.Key.Store} `{group.Key.Path}`: at {o.High} connections {held:0.00} × the req/s at {o.Low}, {high.TimedOut} timeouts — {(held >= 1 && high.TimedOut == 0 && high.ServerErrors == 0 ? "met" : "not met")}.");
        }
        return md.ToString();
    }
}
