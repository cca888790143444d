using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Keys;

/// <summary>
/// A partner's admin manages the organisation's own API keys. Issuing and revoking go through
/// <see cref="KeyService"/>, so the expiry rules, the log entries (<c>key.issued</c>,
/// <c>key.revoked</c>, naming the actor) and the immediate effect of a revocation are the staff's;
/// what this adds is the reach: only the caller's partner's keys, only scopes the admin may grant
/// (<see cref="PartnerKeyGrant"/>), and at most <see cref="PartnerKeyOptions.MaxActive"/> usable keys.
/// Another partner's key, or a staff key, is answered as unknown.
/// </summary>
public sealed class PartnerKeys(ForewarnDb db, KeyService keys, TimeProvider clock, IOptions<PartnerKeyOptions> options)
{
    /// <summary>The partner's keys, oldest first, each with its latest recorded use.</summary>
    public async Task<IReadOnlyList<PartnerKeyView>> MineAsync(PartnerId partner, CancellationToken ct)
    {
        var mine = await OfAsync(partner, ct);
        var ids = mine.Select(k => k.Id).ToList();
        // The log's request sources record each keyed request the log holds (downloads, acknowledgements,
        // sightings …); their latest per key is the best "last used" the store knows without a write per request.
        var latest = await db.RequestSources.AsNoTracking().Where(s => ids.Contains(s.KeyId))
            .GroupBy(s => s.KeyId).Select(g => g.Max(s => s.LogIndex)).ToListAsync(ct);
        var used = await db.RequestSources.AsNoTracking().Where(s => latest.Contains(s.LogIndex))
            .Select(s => new { s.KeyId, s.At }).ToListAsync(ct);
        var lastUse = used.ToDictionary(u => u.KeyId, u => u.At);
        return [.. mine.OrderBy(k => k.CreatedAt).Select(k => new PartnerKeyView(k, lastUse.TryGetValue(k.Id, out var at) ? at : null))];
    }

    /// <summary>Issues a key to the caller's own partner; the token is in the answer only.</summary>
    public async Task<IssuedApiKey> IssueAsync(PartnerId partner, IEnumerable<string> held, NewOwnKey body, Actor actor, CancellationToken ct)
    {
        var scopes = PartnerKeyGrant.Check(body.Scopes, held);
        var now = clock.GetUtcNow();
        var active = (await OfAsync(partner, ct)).Count(k => k.UsableAt(now));
        var cap = options.Value.MaxActive;
        if (active >= cap)
            throw new ConflictException("too-many-keys",
                $"Your organisation already has {active} usable keys, the most it may hold; revoke one it no longer needs first.");
        var outcome = await keys.IssueAsync(new NewKey("partner", partner.Value, body.Name, scopes, body.ExpiresAt), actor, ct);
        // Only a staff key that can write waits for four eyes; a partner key is always made at once.
        return outcome.Made ?? throw new InvalidOperationException("A partner key was proposed instead of issued.");
    }

    /// <summary>Revokes one of the partner's keys at once; another partner's key or a staff key is not found.</summary>
    public async Task<ApiKey> RevokeAsync(PartnerId partner, Guid id, Actor actor, CancellationToken ct)
    {
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || key.Owner != KeyOwner.Partner || key.PartnerId != partner)
            throw new NotFoundException("key", id.ToString());
        return await keys.RevokeAsync(id, actor, ct);
    }

    private async Task<List<ApiKey>> OfAsync(PartnerId partner, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.Owner == KeyOwner.Partner && k.PartnerId == partner).ToListAsync(ct);
}

/// <summary>One of a partner's keys as its admin sees it: never the secret.</summary>
public sealed record PartnerKeyView(ApiKey Key, DateTimeOffset? LastUsedAt);
