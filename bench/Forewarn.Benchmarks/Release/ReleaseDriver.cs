using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Release;

/// <summary>
/// End-to-end release benchmark: N advisories share one coordinated release time on a real
/// server process (SQLite file or PostgreSQL). From a little before that time the driver polls
/// the public CSAF directory and reports when the first and the last document appeared, relative
/// to the release time, and checks that none appeared early.
/// </summary>
public static class ReleaseDriver
{
    private const string Prefix = "FW-BENCH-";

    public static async Task<int> RunAsync(string[] args)
    {
        var n = Int(args, "--advisories", 1000);
        var lead = Int(args, "--lead", 60);
        var store = Text(args, "--store", "both");
        var markdown = Text(args, "--markdown", "");
        using var run = new DriverRun();
        var root = DriverRun.RepoRoot();
        if (!args.Contains("--no-build")) await ServerProcess.BuildAsync(root, run.Token);
        var rows = new List<string>();
        if (store is "sqlite" or "both") rows.Add(await RunStoreAsync("SQLite", null, root, n, lead, run.Token));
        if (store is "postgres" or "both")
        {
            var pg = Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable)
                ?? throw new InvalidOperationException($"Set {LoadOptions.PostgresVariable} to a PostgreSQL connection string.");
            await using var database = await ScratchDatabase.CreateAsync(pg, run.Token);
            rows.Add(await RunStoreAsync("PostgreSQL", database.ConnectionString, root, n, lead, run.Token));
        }
        var machine = MachineFacts.Read();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Release of {n} advisories sharing one release time — {DateTime.UtcNow:yyyy-MM-dd}, {machine.Cores} cores, {machine.Cpu}")
            .AppendLine()
            .AppendLine("| Store | Setup (create + schedule) | First document public after | Last document served after | Early documents seen | Documents/s |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows) report.AppendLine(row);
        Console.WriteLine(report);
        if (markdown.Length > 0) await File.WriteAllTextAsync(markdown, report.ToString(), run.Token);
        return 0;
    }

    private static async Task<string> RunStoreAsync(string name, string? postgres, string root, int n, int lead, CancellationToken ct)
    {
        Console.WriteLine($"Starting the server on {name}…");
        await using var server = await ServerProcess.StartAsync(ServerProcess.DllPath(root), postgres, ct);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffKeyAsync(server.DataDirectory, ct));

        // Whole seconds, so the release time is exact on the wire and in the store.
        var now = DateTimeOffset.UtcNow;
        var release = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(lead);
        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, n), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, ct) =>
        {
            var reference = $"{Prefix}{i:0000}";
            using var created = await client.PostAsJsonAsync("/api/v1/advisories", new
            {
                reference,
                title = $"Benchmark advisory {i}",
                summary = "Remote code execution in a component, for the release benchmark.",
                cveIds = new[] { $"CVE-2026-{50000 + i}" },
                products = new[] { "Halcyon Gateway 5.2" },
                cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                releaseAt = release,
            }, ct);
            Check(created, HttpStatusCode.Created, reference);
            using var scheduled = await client.PostAsJsonAsync($"/api/v1/advisories/{reference}/schedule", new { }, ct);
            Check(scheduled, HttpStatusCode.OK, reference);
        });
        setup.Stop();
        Console.WriteLine($"{n} advisories created and scheduled in {setup.Elapsed.TotalSeconds:0.0} s; release at {release:HH:mm:ss} UTC.");
        if (DateTimeOffset.UtcNow >= release.AddSeconds(-2))
            throw new InvalidOperationException($"Setup took longer than the lead time; run again with a larger --lead than {lead}.");

        var early = 0;
        double? first = null;
        var lastPath = "";
        while (true)
        {
            var index = await client.GetStringAsync("/.well-known/csaf/white/index.txt", ct);
            var seenAt = DateTimeOffset.UtcNow;
            var ours = index.Split('\n').Where(l => l.Contains("fw-bench-", StringComparison.Ordinal)).ToList();
            if (ours.Count > 0 && seenAt < release) early += ours.Count;
            if (ours.Count > 0 && first is null) first = (seenAt - release).TotalSeconds;
            if (ours.Count == n)
            {
                lastPath = ours.Max(StringComparer.Ordinal)!.Trim();
                break;
            }
            if (seenAt > release.AddMinutes(10)) throw new TimeoutException($"Only {ours.Count} of {n} documents after 10 minutes.");
            await Task.Delay(20, ct);
        }
        using var last = await client.GetAsync("/.well-known/csaf/white/" + lastPath, ct);
        Check(last, HttpStatusCode.OK, lastPath);
        var lastAt = (DateTimeOffset.UtcNow - release).TotalSeconds;
        Console.WriteLine($"{name}: first after {first:0.000} s, last served after {lastAt:0.000} s, early {early}.");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {setup.Elapsed.TotalSeconds:0.0} s | {first:0.000} s | {lastAt:0.000} s | {early} | {n / lastAt:0} |");
    }

    private static void Check(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
    }

    private static async Task<string> StaffKeyAsync(string data, CancellationToken ct)
    {
        var path = Path.Combine(data, "demo-credentials.json");
        for (var i = 0; i < 40 && !File.Exists(path); i++) await Task.Delay(250, ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return json.RootElement.GetProperty("staff").GetProperty("apiKey").GetString()!;
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
