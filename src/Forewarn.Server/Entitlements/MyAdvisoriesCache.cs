using System.Collections.Concurrent;
using System.Text.Json;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The rendered answer of "my advisories" per partner, reused while the facts generation is the
/// same and the clock has not reached the answer's horizon (the next wave, release, lead time or
/// policy version that could change it). Any change to the facts, on any server, moves the
/// generation and so retires every entry; time-driven changes retire an entry at its horizon.
/// </summary>
public sealed class MyAdvisoriesCache(IOptions<JsonOptions> json)
{
    private sealed record Entry(string Generation, DateTimeOffset ComputedAt, DateTimeOffset? ValidUntil, byte[] Json);

    private readonly ConcurrentDictionary<PartnerId, Entry> _entries = new();
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public async Task<byte[]> GetAsync(Partner partner, DateTimeOffset now, RequestFacts facts, PartnerView view, CancellationToken ct)
    {
        var generation = (await facts.GetAsync(ct)).Generation;
        if (_entries.TryGetValue(partner.Id, out var e) && e.Generation == generation && now >= e.ComputedAt
            && (e.ValidUntil is null || now < e.ValidUntil))
            return e.Json;
        var answer = await view.AdvisoriesAsync(partner, now, null, ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(answer.Items, _options);
        _entries[partner.Id] = new Entry(generation, now, answer.ValidUntil, bytes);
        return bytes;
    }
}
