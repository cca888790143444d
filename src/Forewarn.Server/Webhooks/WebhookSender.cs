using System.Collections.Concurrent;
using System.Text;
using Forewarn.Domain.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// Sends the outbox (ADR 6). Each pass picks due deliveries, at most as many per endpoint as the
/// endpoint has free slots, claims them in the store with a lease, and sends each signed with
/// every live secret of its endpoint. A 2xx answer delivers; anything else schedules the next
/// attempt (same webhook-id) or dead-letters. A sender that dies leaves its claims to expire,
/// and another sender — on any server — takes them over.
/// </summary>
public sealed class WebhookSender : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly IHttpClientFactory http;
    private readonly DeliverySignal signal;
    private readonly TimeProvider clock;
    private readonly WebhookSettings settings;
    private readonly ILogger<WebhookSender> log;
    private readonly string sender = Name();
    private readonly OutcomeRecorder outcomes;
    // This sender's claims and outcome records take turns: on SQLite two writers of one process
    // would otherwise meet the file lock and back off for a long while; on PostgreSQL it costs nothing.
    private readonly SemaphoreSlim writes = new(1, 1);
    private readonly ConcurrentDictionary<Guid, int> inFlight = new();
    private readonly ConcurrentDictionary<Guid, int> limits = new();
    private readonly EndpointCache endpointCache;
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private int total;
    private volatile bool backlog;

    public const string HttpClientName = "webhooks";

    public WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory http, DeliverySignal signal, TimeProvider clock,
        WebhookSettings settings, ILogger<WebhookSender> log)
    {
        (this.scopes, this.http, this.signal, this.clock, this.settings, this.log) = (scopes, http, signal, clock, settings, log);
        endpointCache = new EndpointCache(clock);
        outcomes = new OutcomeRecorder(scopes, sender, settings, writes, log);
    }

    // Unique per process and instance, so a claim says which sender holds it.
    private static string Name()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.SenderOn)
        {
            log.LogWarning("The webhook sender is off (webhooks:sender=off): this server sends no webhooks");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Webhook pass failed; retrying");
            }
            try
            {
                await signal.WaitUntilAsync(clock.GetUtcNow() + settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running.Keys);
    }

    /// <summary>Claims and starts what is due now; returns how many sends it started.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        var room = settings.MaxInFlight - Volatile.Read(ref total);
        if (room <= 0)
        {
            backlog = true; // a finishing send pokes the loop
            return 0;
        }
        var now = clock.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        // Endpoints with no free slot here are left out, so one slow endpoint's queue cannot fill
        // the batch and hold up everyone else's deliveries behind it.
        var full = inFlight.Where(e => e.Value >= limits.GetValueOrDefault(e.Key, int.MaxValue)).Select(e => e.Key).ToList();
        var take = Math.Min(settings.BatchSize, room);
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .Where(d => !full.Contains(d.EndpointId))
            .OrderBy(d => d.NextAttemptAt).Take(take)
            .ToListAsync(ct);
        backlog = due.Count == take;
        if (due.Count == 0) return 0;
        var endpointIds = due.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await endpointCache.GetAsync(db, endpointIds, ct);
        var picked = new List<string>();
        foreach (var group in due.GroupBy(d => d.EndpointId))
        {
            if (!endpoints.TryGetValue(group.Key, out var endpoint)) continue;
            limits[endpoint.Id] = endpoint.MaxConcurrency;
            var free = endpoint.MaxConcurrency - inFlight.GetValueOrDefault(group.Key);
            if (free < group.Count()) backlog = true;
            picked.AddRange(group.Take(Math.Max(0, free)).Select(d => d.Id));
        }
        IReadOnlyList<string> claimed;
        await writes.WaitAsync(ct);
        try
        {
            claimed = await WebhookOutbox.ClaimAsync(db, picked, sender, now, settings.Lease, ct);
        }
        finally
        {
            writes.Release();
        }
        var mine = claimed.ToHashSet();
        var rows = due.Where(d => mine.Contains(d.Id)).ToList();
        foreach (var delivery in rows)
        {
            inFlight.AddOrUpdate(delivery.EndpointId, 1, (_, n) => n + 1);
            Interlocked.Increment(ref total);
            var endpoint = endpoints[delivery.EndpointId];
            // Each send starts on the thread pool: preparing and writing hundreds of requests is
            // work for every core, not for the pass that claimed them.
            var task = Task.Run(() => SendAsync(delivery, endpoint, ct), CancellationToken.None);
            running.TryAdd(task, 0);
            _ = task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
        }
        log.LogDebug("Webhook pass: {Due} due, {Claimed} claimed and started in {Ms} ms; {InFlight} in flight",
            due.Count, rows.Count, watch.ElapsedMilliseconds, Volatile.Read(ref total));
        return rows.Count;
    }

    /// <summary>Waits until every send this sender started has finished (for tests and shutdown).</summary>
    public Task DrainAsync() => Task.WhenAll(running.Keys);

    private async Task SendAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken ct)
    {
        int? status = null;
        string? error = null;
        try
        {
            var at = clock.GetUtcNow();
            var body = Encoding.UTF8.GetBytes(delivery.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
            };
            request.Headers.Add(WebhookSignature.IdHeader, delivery.Id);
            request.Headers.Add(WebhookSignature.TimestampHeader, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.SignAll(endpoint.LiveSecrets(at), delivery.Id, at, body));
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = e is TaskCanceledException ? "no answer in time" : e.Message;
        }
        finally
        {
            inFlight.AddOrUpdate(delivery.EndpointId, 0, (_, n) => Math.Max(0, n - 1));
            // More is due than the last pass could start: take it as soon as a quarter of the room is free.
            if (Interlocked.Decrement(ref total) <= settings.MaxInFlight * 3 / 4 && backlog) signal.Poke();
        }
        if (ct.IsCancellationRequested) return; // the claim runs out and another sender retries
        await outcomes.RecordAsync(delivery.Id, status, error, clock.GetUtcNow());
    }
}
