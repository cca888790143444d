extern alias server;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Benchmarks.Http;
using Forewarn.Domain.Webhooks;
using server::Forewarn.Server.Webhooks;

namespace Forewarn.Benchmarks.FanOut;

/// <summary>
/// End-to-end webhook fan-out: N active partners, each with a webhook endpoint on a loopback
/// receiver (written straight into the store: see <see cref="BulkPartners"/>), and one wave, made
/// through the API, that opens a notice to all of them.
/// From the wave's time, the real server process announces the wave, writes N outbox rows and
/// sends them; the receiver counts distinct webhook-ids. In the same run a bare loop posts the
/// same number of signed requests straight to the receiver with no persistence.
/// </summary>
public static class FanOutDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = Int(args, "--partners", 10_000);
        var lead = Int(args, "--lead", 20);
        using var run = new DriverRun();
        var root = DriverRun.RepoRoot();
        if (!args.Contains("--no-build")) await ServerProcess.BuildAsync(root, run.Token);
        await using var receiver = await CountingReceiver.StartAsync();
        await using var server = await ServerProcess.StartAsync(ServerProcess.DllPath(root), Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable), run.Token);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffKeyAsync(server.DataDirectory, run.Token));

        var seed = Stopwatch.StartNew();
        await BulkPartners.AddAsync(server.DataDirectory, Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable), n, receiver.Url, run.Token);
        seed.Stop();
        Console.WriteLine($"{n} partners with a webhook each set up in {seed.Elapsed.TotalSeconds:0.0} s.");

        var now = DateTimeOffset.UtcNow;
        var waveAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(lead);
        await PostAsync(http, "/api/v1/advisories", new
        {
            reference = "FW-FANOUT-0001", title = "Fan-out benchmark advisory", summary = "Measures webhook fan-out.",
            cveIds = new[] { "CVE-2026-59999" }, products = new[] { "Halcyon Gateway 5.2" },
            cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", releaseAt = now.AddDays(2),
        }, CancellationToken.None);
        var artifact = await PostAsync(http, "/api/v1/advisories/FW-FANOUT-0001/artifacts",
            new { title = "Advance notice", @class = "notice", tlp = "AMBER", text = "A fix ships in two days." }, CancellationToken.None);
        await PostAsync(http, "/api/v1/advisories/FW-FANOUT-0001/schedule", new { }, CancellationToken.None);
        await PostAsync(http, "/api/v1/advisories/FW-FANOUT-0001/waves",
            new { kind = "initial", at = waveAt, artifactIds = new[] { (string)artifact["id"]! } }, CancellationToken.None);
        if (DateTimeOffset.UtcNow >= waveAt) throw new InvalidOperationException("Set-up passed the wave time; use a larger --lead.");
        receiver.Reset();
        var untilWave = waveAt - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(50);
        if (untilWave > TimeSpan.Zero) await Task.Delay(untilWave, run.Token);
        var cpuAtWave = server.CpuTime;

        var deadline = waveAt.AddMinutes(10);
        while (receiver.Distinct < n && DateTimeOffset.UtcNow < deadline) await Task.Delay(20, run.Token);
        await Task.Delay(500, run.Token); // the last outcomes are recorded
        var cpu = (server.CpuTime - cpuAtWave).TotalMilliseconds * 1000 / n;
        if (receiver.Distinct < n) throw new TimeoutException($"Only {receiver.Distinct} of {n} deliveries arrived within 10 minutes.\n{server.RecentOutput()}");
        var early = receiver.FirstAt < waveAt;
        var endToEnd = (receiver.LastAt!.Value - waveAt).TotalSeconds;
        var sending = (receiver.LastAt!.Value - receiver.FirstAt!.Value).TotalSeconds;
        var serverRate = n / endToEnd;

        receiver.Reset();
        var bare = await BareLoopAsync(receiver.Url, n, run.Token);
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            Webhook fan-out of one wave to {n} partners — {DateTime.UtcNow:yyyy-MM-dd}, {MachineFacts.Read().Cores} cores, store {(Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable) is null ? "SQLite" : "PostgreSQL")}

            | | Deliveries | Seconds | Deliveries/s |
            |---|---:|---:|---:|
            | Forewarn: wave time → last delivery (announce, outbox, claim, sign, send, record) | {n} | {endToEnd:0.00} | {serverRate:0} |
            | Forewarn: first → last delivery (sending only) | {n} | {sending:0.00} | {n / sending:0} |
            | Bare loop: the same signed POSTs, 64 at a time, no persistence | {n} | {bare:0.00} | {n / bare:0} |
            | Ratio (end to end / bare) | | | {serverRate / (n / bare) * 100:0} % |

            Server CPU per delivery, wave time to last outcome recorded: {cpu:0} µs (all threads; the receiver runs in the driver's process).
            First delivery before the wave time: {(early ? "YES (a bug)" : "no")}. Receiver saw {receiver.Requests} bare requests.
            """);
        Console.WriteLine(report);
        foreach (var line in server.RecentOutput().Split('\n').Where(l => l.Contains("announced to", StringComparison.Ordinal)))
            Console.WriteLine("Server: " + line.Trim());
        if (Text(args, "--markdown") is { Length: > 0 } file) await File.WriteAllTextAsync(file, report);
        return 0;
    }

    /// <summary>The reference: signed requests posted as fast as 64 workers can, nothing stored.</summary>
    private static async Task<double> BareLoopAsync(string url, int n, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var secret = WebhookSecret.Generate();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, ct) =>
        {
            var id = "msg_" + Guid.CreateVersion7().ToString("N");
            var body = Encoding.UTF8.GetBytes($"{{\"type\":\"wave.published\",\"timestamp\":\"{DateTime.UtcNow:O}\",\"data\":{{\"advisory\":\"FW-FANOUT-0001\",\"wave\":1,\"n\":{i}}}}}");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var at = DateTimeOffset.UtcNow;
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, id, at, body));
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        });
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static void Check(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}");
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

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
