using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>API keys: issued (token shown once), listed (never the secret), revoked at once; issue and revocation are logged.</summary>
public static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/keys").WithTags("Keys");
        g.MapGet("/", List).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("List keys (never their secrets)");
        g.MapPost("/", Issue).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Issue a key; the token is in this answer only");
        g.MapPost("/{id:guid}/revoke", Revoke).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Revoke a key with immediate effect");
        g.MapDelete("/{id:guid}", Revoke).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Revoke a key (same as POST …/revoke)");
    }

    private static async Task<Ok<List<KeyDto>>> List(ForewarnDb db, Guid? partner, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(keys.Where(k => partner is null || k.PartnerId?.Value == partner)
            .OrderBy(k => k.CreatedAt).Select(KeyDto.From).ToList());
    }

    private static async Task<Created<IssuedKey>> Issue(NewKey body, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user,
        ILogAppender log, CancellationToken ct)
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
        var (key, token) = ApiKey.Issue(owner, partner, body.Name, body.Scopes, body.ExpiresAt ?? now.AddDays(365), now, user.Actor());
        db.ApiKeys.Add(key);
        db.Stage(LogEvents.KeyIssued(key, user));
        await db.SaveChangesAsync(ct);
        await log.SettleAsync(ct);
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new IssuedKey(KeyDto.From(key), token));
    }

    private static async Task<Ok<KeyDto>> Revoke(Guid id, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user, ILogAppender log,
        CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("key", id.ToString());
        key.Revoke(clock.GetUtcNow());
        db.Stage(LogEvents.KeyRevoked(key, user));
        await db.SaveChangesAsync(ct);
        await log.SettleAsync(ct);
        return TypedResults.Ok(KeyDto.From(key));
    }
}
