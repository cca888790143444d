using System.Globalization;
using System.Text;

namespace Forewarn.Benchmarks.Http;

/// <summary>The load driver's output: a console table and the same figures as a markdown snippet.</summary>
public static class LoadReport
{
    public static (string Table, string Markdown) Render(LoadOptions options, MachineFacts machine, string loadAfter, IReadOnlyList<StoreRun> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var settings = $"{options.Connections} connections, {options.Seconds} s per endpoint in {options.Rounds} alternating rounds, " +
                       $"{options.WarmupSeconds} s warm-up each; client and server on the same machine over 127.0.0.1";
        var host = $"{machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Runtime}; " +
                   $"load average before {machine.LoadBefore}, after {loadAfter}";

        var table = new StringBuilder();
        table.AppendLine();
        table.AppendLine(settings);
        table.AppendLine(host);
        table.AppendLine(inv, $"{"store",-11} {"endpoint",-22} {"requests",10} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"srv CPU µs/req",15} {"cli CPU µs/req",15} {"bytes/resp",11}");
        foreach (var run in runs)
        {
            foreach (var p in run.All)
            {
                table.AppendLine(inv, $"{run.Store,-11} {p.Endpoint,-22} {p.Requests,10:N0} {p.RequestsPerSecond,9:N0} {p.LatencyMs(0.50),8:0.00} {p.LatencyMs(0.90),8:0.00} " +
                                      $"{p.LatencyMs(0.99),8:0.00} {p.LatencyMs(1),8:0.00} {p.Errors,7:N0} {p.ServerCpuMicrosPerRequest,15:N0} {p.ClientCpuMicrosPerRequest,15:N0} {p.ResponseBytes / Math.Max(1, p.Requests),11:N0}");
            }
            table.AppendLine(inv, $"{run.Store,-11} ratio {LoadDriver.PartnerPath} / {LoadDriver.BarePath}: {run.Ratio:P1} (target ≥ {LoadDriver.TargetRatio:P0}: {(run.Ratio >= LoadDriver.TargetRatio ? "met" : "NOT met")})");
        }

        var md = new StringBuilder();
        md.AppendLine(inv, $"_{settings}. {host}. Partner: {runs.FirstOrDefault()?.PartnerName}, who sees {runs.FirstOrDefault()?.Shape}._");
        md.AppendLine();
        md.AppendLine("| Store | Endpoint | Requests | Req/s | p50 ms | p99 ms | Errors | Server CPU µs/req | Ratio to /ping | Target |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            md.AppendLine(inv, $"| {run.Store} | `GET {run.Bare.Endpoint}` | {run.Bare.Requests:N0} | {run.Bare.RequestsPerSecond:N0} | {run.Bare.LatencyMs(0.5):0.00} | {run.Bare.LatencyMs(0.99):0.00} | {run.Bare.Errors:N0} | {run.Bare.ServerCpuMicrosPerRequest:N0} | 100% | |");
            md.AppendLine(inv, $"| {run.Store} | `GET {run.Partner.Endpoint}` | {run.Partner.Requests:N0} | {run.Partner.RequestsPerSecond:N0} | {run.Partner.LatencyMs(0.5):0.00} | {run.Partner.LatencyMs(0.99):0.00} | {run.Partner.Errors:N0} | {run.Partner.ServerCpuMicrosPerRequest:N0} | {run.Ratio:P1} | ≥ {LoadDriver.TargetRatio:P0}: {(run.Ratio >= LoadDriver.TargetRatio ? "met" : "**not met**")} |");
            foreach (var p in run.Also)
                md.AppendLine(inv, $"| {run.Store} | `GET {p.Endpoint}` (for comparison) | {p.Requests:N0} | {p.RequestsPerSecond:N0} | {p.LatencyMs(0.5):0.00} | {p.LatencyMs(0.99):0.00} | {p.Errors:N0} | {p.ServerCpuMicrosPerRequest:N0} | {run.RatioOf(p):P1} | |");
        }
        return (table.ToString(), md.ToString());
    }
}
