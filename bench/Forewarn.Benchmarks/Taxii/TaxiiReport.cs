using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Taxii;

/// <summary>The TAXII paging figures as a markdown snippet for docs/benchmarks.md.</summary>
public static class TaxiiReport
{
    public static string Render(TaxiiOptions options, MachineFacts machine, string loadAfter, IReadOnlyList<TaxiiStoreRun> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"_TAXII paging, {DateTime.UtcNow:yyyy-MM-dd}: limit={options.Limit}, {options.Seconds} s per phase, " +
                           $"{options.WarmupSeconds} s warm-up; {machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Runtime}; " +
                           $"load average before {machine.LoadBefore}, after {loadAfter}; client and server on the same machine over 127.0.0.1._");
        md.AppendLine();
        md.AppendLine("| Store | Collection | Seeding (API) | First pass after seeding |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var r in runs)
        {
            md.AppendLine(inv, $"| {r.Store} | {r.CollectionSize:N0} objects ({TaxiiDriver.Types(r.Types)}) | " +
                               $"{r.Seeded.Advisories:N0} advisories, {r.Seeded.Advisories * 6:N0} writes in {r.Seeded.Took.TotalSeconds:0.0} s | " +
                               $"{r.ColdPassPages} pages in {r.ColdPassSeconds:0.00} s |");
        }
        md.AppendLine();
        md.AppendLine("| Store | Clients | Passes (wrong) | Pages | Pages/s | Objects/s | s per pass | Page p50 ms | Page p99 ms | Server CPU µs/page | `/ping` req/s | `/ping` CPU µs/req | Pages/s ÷ `/ping` req/s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            foreach (var l in r.Levels)
            {
                var p = l.Paging;
                md.AppendLine(inv, $"| {r.Store} | {l.Pagers} | {p.Passes:N0} ({p.BadPasses}) | {p.Pages.Requests:N0} | {p.PagesPerSecond:N1} | {p.ObjectsPerSecond:N0} | " +
                                   $"{p.SecondsPerPass:0.00} | {p.Pages.LatencyMs(0.5):0.0} | {p.Pages.LatencyMs(0.99):0.0} | {p.Pages.ServerCpuMicrosPerRequest:N0} | " +
                                   $"{l.Bare.RequestsPerSecond:N0} | {l.Bare.ServerCpuMicrosPerRequest:N0} | {l.Ratio:P2} |");
            }
        }
        return md.ToString();
    }
}
