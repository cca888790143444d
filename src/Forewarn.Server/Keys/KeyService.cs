using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Keys;

/// <summary>Issue (the token is returned once and never stored) and revoke API keys; both logged, never the secret.</summary>
public sealed class KeyService(ForewarnDb db, TimeProvider clock)
{
    public async Task<(ApiKey Key, string Token)> IssueAsync(NewKey body, Actor actor, CancellationToken ct)
    {
        var owner = body.Owner?.Trim().ToLowerInvariant() switch
        {
            "staff" => KeyOwner.Staff,
            "partner" => KeyOwner.Partner,
            _ => throw new DomainException("invalid-key", $"'{body.Owner}' is not a key owner; use staff or partner."),
        };
        PartnerId? partner = null;
        if (body.PartnerId is { } pid)
        {
            if (!await db.Partners.AnyAsync(p => p.Id == new PartnerId(pid), ct))
                throw new NotFoundException("partner", pid.ToString());
            partner = new PartnerId(pid);
        }
        var now = clock.GetUtcNow();
        var (key, token) = ApiKey.Issue(owner, partner, body.Name, body.Scopes, body.ExpiresAt ?? now.AddDays(365), now, actor.Name);
        db.ApiKeys.Add(key);
        db.Stage(LogEvents.KeyIssued(key, actor));
        await db.SaveChangesAsync(ct);
        return (key, token);
    }

    /// <summary>Revoked with immediate effect: the next request with it is refused.</summary>
    public async Task<ApiKey> RevokeAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("key", id.ToString());
        key.Revoke(clock.GetUtcNow());
        db.Stage(LogEvents.KeyRevoked(key, actor));
        await db.SaveChangesAsync(ct);
        return key;
    }
}
