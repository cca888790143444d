using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// Turns an event into outbox rows, one per subscribed endpoint of each recipient, added to the
/// pending changes of the caller's unit of work — so the rows commit (or roll back) with the
/// change they report (ADR 6). Payloads say what is new and where to fetch it, never content.
/// </summary>
public static class WebhookOutboxWriter
{
    /// <summary>Adds the deliveries; returns how many.</summary>
    public static async Task<int> EnqueueAsync(ForewarnDb db, IReadOnlyCollection<PartnerId> recipients, string eventType,
        JsonObject data, DateTimeOffset at, CancellationToken ct)
    {
        var deliveries = await DeliveriesAsync(db, recipients, eventType, data, at, ct);
        db.WebhookDeliveries.AddRange(deliveries);
        return deliveries.Count;
    }

    /// <summary>The deliveries of an event, for the caller to write (e.g. in bulk, with the change they report).</summary>
    public static async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(ForewarnDb db, IReadOnlyCollection<PartnerId> recipients,
        string eventType, JsonObject data, DateTimeOffset at, CancellationToken ct)
    {
        if (recipients.Count == 0) return [];
        var ids = recipients.Select(r => r.Value).ToHashSet();
        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(ct))
            .Where(e => ids.Contains(e.PartnerId.Value) && e.Wants(eventType)).ToList();
        // Every recipient gets the same body: what happened and where to look, nothing of its own.
        var payload = new JsonObject
        {
            ["type"] = eventType,
            ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = data.DeepClone(),
        }.ToJsonString();
        return endpoints.Select(e => WebhookDelivery.For(e.Id, e.PartnerId, eventType, payload, at)).ToList();
    }

    /// <summary>The data of an advisory event: its reference, what happened and where to look.</summary>
    public static JsonObject AdvisoryData(string reference, string what, int? version = null, string? publicUrl = null)
    {
        var data = new JsonObject
        {
            ["advisory"] = reference,
            ["what"] = what,
            ["links"] = new JsonObject
            {
                ["advisory"] = $"/api/v1/me/advisories/{Uri.EscapeDataString(reference)}",
                ["notices"] = "/api/v1/me/notices",
            },
        };
        if (version is { } v) data["version"] = v;
        if (publicUrl is not null) data["links"]!["csaf"] = publicUrl;
        return data;
    }
}
