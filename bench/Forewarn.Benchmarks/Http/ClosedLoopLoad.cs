using System.Diagnostics;
using System.Net;

namespace Forewarn.Benchmarks.Http;

/// <summary>What one endpoint did under load: completed requests, errors, wall time and every latency.</summary>
public sealed class PhaseResult(string endpoint)
{
    public string Endpoint { get; } = endpoint;
    public long Requests { get; private set; }
    public long Errors { get; private set; }
    public long ResponseBytes { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    public TimeSpan ServerCpu { get; private set; }
    public TimeSpan ClientCpu { get; private set; }
    private readonly List<long> latencyTicks = [];
    private long[]? sorted;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Server CPU time per completed request, in microseconds (both cores together).</summary>
    public double ServerCpuMicrosPerRequest => ServerCpu.TotalMicroseconds / Math.Max(1, Requests);

    public double ClientCpuMicrosPerRequest => ClientCpu.TotalMicroseconds / Math.Max(1, Requests);

    public void Add(long requests, long errors, long bytes, TimeSpan elapsed, TimeSpan serverCpu, TimeSpan clientCpu, IEnumerable<long> ticks)
    {
        Requests += requests;
        Errors += errors;
        ResponseBytes += bytes;
        Elapsed += elapsed;
        ServerCpu += serverCpu;
        ClientCpu += clientCpu;
        latencyTicks.AddRange(ticks);
        sorted = null;
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0–1), in milliseconds (nearest rank).</summary>
    public double LatencyMs(double q)
    {
        sorted ??= [.. latencyTicks.Order()];
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}

/// <summary>
/// A closed-loop load: N workers each send a request, wait for the whole answer, record the
/// latency and send the next, until the phase's time or request budget runs out.
/// </summary>
public static class ClosedLoopLoad
{
    public static async Task RunAsync(HttpClient client, string path, string? bearer, int workers, TimeSpan duration,
        long maxRequests, ServerProcess server, PhaseResult into, CancellationToken ct, string? cookie = null)
    {
        var issued = 0L;
        var counts = new (long Requests, long Errors, long Bytes, List<long> Ticks)[workers];
        var serverCpuBefore = server.CpuTime;
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Worker(int w)
        {
            var ticks = new List<long>(4096);
            long requests = 0, errors = 0, bytes = 0;
            while (Stopwatch.GetTimestamp() < stopAt && Interlocked.Increment(ref issued) <= maxRequests)
            {
                ct.ThrowIfCancellationRequested();
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
                if (cookie is not null) request.Headers.Add("Cookie", cookie);
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    bytes += body.Length;
                    if (response.StatusCode != HttpStatusCode.OK) errors++;
                }
                catch (HttpRequestException)
                {
                    errors++;
                }
                ticks.Add(Stopwatch.GetTimestamp() - t0);
                requests++;
            }
            counts[w] = (requests, errors, bytes, ticks);
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w), ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var serverCpu = server.CpuTime - serverCpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        into.Add(counts.Sum(c => c.Requests), counts.Sum(c => c.Errors), counts.Sum(c => c.Bytes), elapsed, serverCpu, clientCpu,
            counts.SelectMany(c => c.Ticks));
    }
}
