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
public sealed class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory http, DeliverySignal signal, TimeProvider clock,
    WebhookSettings settings, ILogger<WebhookSender> log) : BackgroundService
{
    private readonly string sender = Name();
    private readonly ConcurrentDictionary<Guid, int> inFlight = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public const string HttpClientName = "webhooks";

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
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .OrderBy(d => d.NextAttemptAt).Take(settings.BatchSize)
            .Select(d => new { d.Id, d.EndpointId }).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var endpointIds = due.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var picked = new List<string>();
        foreach (var group in due.GroupBy(d => d.EndpointId))
        {
            if (!endpoints.TryGetValue(group.Key, out var endpoint)) continue;
            var free = endpoint.MaxConcurrency - inFlight.GetValueOrDefault(group.Key);
            picked.AddRange(group.Take(Math.Max(0, free)).Select(d => d.Id));
        }
        var claimed = await WebhookOutbox.ClaimAsync(db, picked, sender, now, settings.Lease, ct);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => claimed.Contains(d.Id)).ToListAsync(ct);
        foreach (var delivery in rows)
        {
            inFlight.AddOrUpdate(delivery.EndpointId, 1, (_, n) => n + 1);
            var task = SendAsync(delivery, endpoints[delivery.EndpointId], ct);
            running.TryAdd(task, 0);
            _ = task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
        }
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
        }
        if (ct.IsCancellationRequested) return; // the claim runs out and another sender retries
        // A busy store (another process writing the same moment) must not turn a sent delivery into a resend.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RecordAsync(delivery.Id, status, error, ct);
                return;
            }
            catch (Exception e) when (attempt < 8 && !ct.IsCancellationRequested && e is DbUpdateException or System.Data.Common.DbException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Could not record the outcome of webhook {Id}; its claim will run out and it is sent again", delivery.Id);
                return;
            }
        }
    }

    private async Task RecordAsync(string id, int? status, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var row = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null || row.ClaimedBy != sender) return; // the lease ran out and another sender took it over
        var at = clock.GetUtcNow();
        if (error is null) row.Succeeded(status ?? 200, at);
        else row.Failed(status, error, at, settings.Retry, Random.Shared.NextDouble());
        await db.SaveChangesAsync(ct);
        if (row.State == DeliveryState.Dead)
            log.LogWarning("Webhook {Id} to endpoint {Endpoint} is dead-lettered after {Attempts} attempts: {Error}", row.Id, row.EndpointId, row.Attempts, error);
        else if (error is not null) signal.Poke();
    }
}
