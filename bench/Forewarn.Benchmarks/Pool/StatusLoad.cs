using System.Diagnostics;
using System.Net.Http.Headers;

namespace Forewarn.Benchmarks.Pool;

/// <summary>One request the load sends: a path with the key it is sent with, and the media type it asks for.</summary>
public sealed record Target(string Path, string Key, string? Accept = null);

/// <summary>What a load did: answers by status class, transport failures, answers slower than the timeout, and latencies.</summary>
public sealed class StatusCount
{
    private readonly Lock gate = new();
    private readonly List<long> ticks = [];

    public long Ok { get; private set; }
    public long ServerErrors { get; private set; }
    public long Other { get; private set; }
    public long Failed { get; private set; }
    public long TimedOut { get; private set; }
    public TimeSpan Elapsed { get; set; }
    public Dictionary<int, long> ByStatus { get; } = [];
    public string? FirstServerError { get; private set; }

    public long Requests => Ok + ServerErrors + Other + Failed;
    public double OkPerSecond => Ok / Elapsed.TotalSeconds;
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public void Add(int status, long elapsedTicks, string? body)
    {
        lock (gate)
        {
            ticks.Add(elapsedTicks);
            if (elapsedTicks > PoolOptions.TimeoutAfter.TotalSeconds * Stopwatch.Frequency) TimedOut++;
            if (status == 0) Failed++;
            else if (status == 200) Ok++;
            else if (status >= 500)
            {
                ServerErrors++;
                FirstServerError ??= $"{status}: {body}";
            }
            else Other++;
            if (status != 0) ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
        }
    }

    public void Merge(StatusCount other)
    {
        lock (gate)
        {
            ticks.AddRange(other.ticks);
            Ok += other.Ok;
            ServerErrors += other.ServerErrors;
            Other += other.Other;
            Failed += other.Failed;
            TimedOut += other.TimedOut;
            FirstServerError ??= other.FirstServerError;
            foreach (var (status, n) in other.ByStatus) ByStatus[status] = ByStatus.GetValueOrDefault(status) + n;
        }
    }

    public double LatencyMs(double q)
    {
        lock (gate)
        {
            if (ticks.Count == 0) return double.NaN;
            var sorted = ticks.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
        }
    }

    public string Statuses() => string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value:N0}"));
}

/// <summary>
/// A closed loop of N workers on one client: each sends the next target of its own rotation as soon
/// as the previous answer is read, until the time is up.
/// </summary>
public static class StatusLoad
{
    public static async Task RunAsync(HttpClient client, IReadOnlyList<Target> targets, int workers, TimeSpan duration, StatusCount into,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Worker(int w)
        {
            for (var i = w; Stopwatch.GetTimestamp() < stopAt; i += workers)
            {
                var target = targets[i % targets.Count];
                using var request = new HttpRequestMessage(HttpMethod.Get, target.Path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Key);
                if (target.Accept is not null) request.Headers.Accept.ParseAdd(target.Accept);
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    var status = (int)response.StatusCode;
                    var body = status >= 500 ? await response.Content.ReadAsStringAsync(ct) : null;
                    if (body is null) await response.Content.ReadAsByteArrayAsync(ct);
                    into.Add(status, Stopwatch.GetTimestamp() - t0, body);
                }
                catch (HttpRequestException)
                {
                    into.Add(0, Stopwatch.GetTimestamp() - t0, null);
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    into.Add(0, Stopwatch.GetTimestamp() - t0, null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w), ct)));
        into.Elapsed += Stopwatch.GetElapsedTime(started);
    }
}
