using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// A partner's webhook endpoints — register, rotate the secret, stop — and staff sending a
/// dead-lettered delivery again. Each is logged (never the secret); the sender wakes for revived deliveries.
/// </summary>
public sealed class WebhookService(ForewarnDb db, TimeProvider clock)
{
    /// <summary>At most this many active endpoints per organisation.</summary>
    public const int MaxActive = 10;

    /// <summary>The longest an old secret may stay live beside a new one.</summary>
    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(30);

    /// <summary>A partner's endpoints, oldest first (<c>GET /api/v1/me/webhooks</c> and the portal's webhooks page).</summary>
    public async Task<List<WebhookEndpoint>> MineAsync(PartnerId partner, CancellationToken ct) =>
        [.. (await db.WebhookEndpoints.AsNoTracking().Where(e => e.PartnerId == partner).ToListAsync(ct)).OrderBy(e => e.CreatedAt)];

    /// <summary>A partner's recent deliveries, newest first (<c>GET /api/v1/me/webhooks/deliveries</c> and the portal).</summary>
    public Task<List<WebhookDelivery>> DeliveriesAsync(PartnerId partner, int take, CancellationToken ct) =>
        db.WebhookDeliveries.AsNoTracking().Where(d => d.PartnerId == partner).OrderByDescending(d => d.Id).Take(take).ToListAsync(ct);

    public async Task<(WebhookEndpoint Endpoint, WebhookSecret Secret)> RegisterAsync(PartnerId partner, NewWebhookEndpoint body, Actor actor,
        CancellationToken ct)
    {
        if (await db.WebhookEndpoints.CountAsync(e => e.PartnerId == partner && e.Enabled, ct) >= MaxActive)
            throw new ConflictException("too-many-webhooks", $"An organisation may have at most {MaxActive} active webhook endpoints; remove one first.");
        var now = clock.GetUtcNow();
        var (endpoint, secret) = WebhookEndpoint.Register(partner, body.Url, body.Events, body.MaxConcurrency, now);
        db.WebhookEndpoints.Add(endpoint);
        db.Stage(LogEvents.WebhookChanged("registered", endpoint, now, actor));
        await db.SaveChangesAsync(ct);
        return (endpoint, secret);
    }

    /// <summary>A new signing secret; the old one stays live for the overlap (default 24 hours).</summary>
    public async Task<(WebhookEndpoint Endpoint, WebhookSecret Secret)> RotateAsync(PartnerId partner, Guid id, double? overlapHours, Actor actor,
        CancellationToken ct)
    {
        var hours = overlapHours ?? 24;
        if (double.IsNaN(hours) || hours < 0 || hours > MaxOverlap.TotalHours)
            throw new DomainException("invalid-field", $"overlapHours is from 0 to {MaxOverlap.TotalHours:0} (30 days); {hours} was given.");
        var endpoint = await OwnAsync(partner, id, ct);
        var now = clock.GetUtcNow();
        var secret = endpoint.Rotate(now, TimeSpan.FromHours(hours));
        db.Stage(LogEvents.WebhookChanged("rotated", endpoint, now, actor));
        await db.SaveChangesAsync(ct);
        return (endpoint, secret);
    }

    public async Task StopAsync(PartnerId partner, Guid id, Actor actor, CancellationToken ct)
    {
        var endpoint = await OwnAsync(partner, id, ct);
        endpoint.Disable();
        db.Stage(LogEvents.WebhookChanged("stopped", endpoint, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends a dead-lettered delivery again, with the same webhook-id.</summary>
    public async Task<WebhookDelivery> ReviveAsync(string id, Actor actor, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("delivery", id);
        var now = clock.GetUtcNow();
        delivery.Revive(now);
        db.Stage(LogEvents.DeliveryRevived(delivery, now, actor));
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    private async Task<WebhookEndpoint> OwnAsync(PartnerId partner, Guid id, CancellationToken ct) =>
        await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id && e.PartnerId == partner, ct)
        ?? throw new NotFoundException("webhook endpoint", id.ToString());
}
