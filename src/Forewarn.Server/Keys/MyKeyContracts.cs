namespace Forewarn.Server.Keys;

/// <summary>
/// A key a partner's admin asks for: its name, the scopes (partner scopes the admin holds, never
/// <c>partner:webhooks</c>) and when it stops working (default: in a year; at most five years).
/// </summary>
public sealed record NewOwnKey(string? Name, IReadOnlyList<string?>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary>
/// One of the partner's keys, never its secret. <c>LastUsedAt</c>: the latest request made with it
/// that the transparency log records (a download, an acknowledgement, a sighting …), null when none is.
/// </summary>
public sealed record MyKeyDto(Guid Id, string Prefix, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string IssuedBy)
{
    public static MyKeyDto From(PartnerKeyView v) => new(v.Key.Id, v.Key.Prefix, v.Key.Name, v.Key.Scopes, v.Key.CreatedAt,
        v.Key.ExpiresAt, v.Key.RevokedAt, v.LastUsedAt, v.Key.CreatedBy);
}

/// <summary>The key just issued and its token: this answer is the only place the token appears.</summary>
public sealed record IssuedOwnKey(MyKeyDto Key, string Token);
