using System.Collections.Concurrent;
using Forewarn.Domain.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// The endpoints a sender is sending to, read from the store at most once per
/// <see cref="MaxAge"/>: a fan-out to thousands of endpoints would otherwise read and parse every
/// endpoint (its events and secrets) again on each pass. A change to an endpoint — a rotated
/// secret, a new URL, disabling it — reaches the sender within that time; a rotated secret
/// signs alongside the old one for a day, so nothing is refused meanwhile.
/// </summary>
internal sealed class EndpointCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (WebhookEndpoint Endpoint, DateTimeOffset ReadAt)> known = new();

    public async Task<Dictionary<Guid, WebhookEndpoint>> GetAsync(ForewarnDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = new Dictionary<Guid, WebhookEndpoint>();
        var missing = new List<Guid>();
        foreach (var id in ids)
        {
            if (known.TryGetValue(id, out var hit) && now - hit.ReadAt < MaxAge && hit.ReadAt <= now) found[id] = hit.Endpoint;
            else missing.Add(id);
        }
        if (missing.Count > 0)
        {
            foreach (var endpoint in await db.WebhookEndpoints.AsNoTracking().Where(e => missing.Contains(e.Id)).ToListAsync(ct))
            {
                known[endpoint.Id] = (endpoint, now);
                found[endpoint.Id] = endpoint;
            }
            foreach (var gone in missing.Where(id => !found.ContainsKey(id))) known.TryRemove(gone, out _);
        }
        if (known.Count > 4 * Math.Max(1_000, ids.Count))
            foreach (var stale in known.Where(k => now - k.Value.ReadAt >= MaxAge).Select(k => k.Key).ToList()) known.TryRemove(stale, out _);
        return found;
    }
}
