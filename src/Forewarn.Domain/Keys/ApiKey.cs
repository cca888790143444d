using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Keys;

public enum KeyOwner
{
    Staff,
    Partner,
}

/// <summary>
/// An API key. The secret is shown once at issue; only its SHA-256 is kept (the secret has 256
/// bits of entropy, so a fast hash is enough). The token reads <c>fw_&lt;prefix&gt;_&lt;secret&gt;</c>;
/// the prefix finds the row, the secret proves possession.
/// </summary>
public sealed class ApiKey
{
    private ApiKey() { }

    public Guid Id { get; private set; }
    public string Prefix { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public KeyOwner Owner { get; private set; }
    public PartnerId? PartnerId { get; private set; }
    /// <summary>The staff member who holds a staff key (null for a partner key): four eyes count members, not keys.</summary>
    public StaffMemberId? MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> Scopes { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(5 * 366);

    /// <summary>Issues a key; returns it with the one-time token.</summary>
    public static (ApiKey Key, string Token) Issue(KeyOwner owner, PartnerId? partner, string? name,
        IEnumerable<string>? scopes, DateTimeOffset expiresAt, DateTimeOffset now, string actor, StaffMemberId? member = null)
    {
        if (owner == KeyOwner.Partner && partner is null)
            throw new DomainException("invalid-key", "A partner key must name its partner.");
        if (owner == KeyOwner.Partner && member is not null)
            throw new DomainException("invalid-key", "A partner key cannot belong to a staff member.");
        if (owner == KeyOwner.Staff && partner is not null)
            throw new DomainException("invalid-key", "A staff key cannot belong to a partner.");
        if (owner == KeyOwner.Staff && member is null)
            throw new DomainException("invalid-key", "A staff key must name the staff member who holds it.");
        if (expiresAt <= now)
            throw new DomainException("invalid-key", "A key must expire in the future.");
        if (expiresAt - now > MaxLifetime)
            throw new DomainException("invalid-key", "A key may live at most five years.");
        var allowed = owner == KeyOwner.Staff ? KeyScopes.Staff : KeyScopes.Partner;
        var requested = (scopes ?? []).Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        if (requested.Count == 0) requested = [.. allowed];
        var wrong = requested.Where(s => !allowed.Contains(s)).ToList();
        if (wrong.Count > 0)
            throw new DomainException("invalid-scope",
                $"A {owner.ToString().ToLowerInvariant()} key cannot have scope {string.Join(", ", wrong)}; allowed: {string.Join(", ", allowed)}.");

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            Owner = owner,
            PartnerId = partner,
            MemberId = member,
            Name = TextRules.Required(name, "key name", 120),
            Scopes = requested,
            CreatedAt = now,
            ExpiresAt = expiresAt.ToUniversalTime(),
            CreatedBy = actor,
        };
        return (key, $"fw_{prefix}_{secret}");
    }

    /// <summary>Splits a token into its prefix and secret; false when it is not shaped like one.</summary>
    public static bool TryParseToken(string? token, out string prefix, out string secret)
    {
        prefix = secret = "";
        if (token is null || !token.StartsWith("fw_", StringComparison.Ordinal) || token.Length > 100) return false;
        var cut = token.IndexOf('_', 3);
        if (cut != 15) return false;
        prefix = token[3..cut];
        secret = token[(cut + 1)..];
        return secret.Length > 20;
    }

    /// <summary>Whether <paramref name="secret"/> is this key's secret (constant-time).</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public bool UsableAt(DateTimeOffset at) => RevokedAt is null && at < ExpiresAt;

    /// <summary>Whether the key can change the programme (and so approve what needs four eyes).</summary>
    public bool CanWrite => Scopes.Contains(KeyScopes.StaffWrite);

    /// <summary>
    /// Adds a scope the key's kind of owner may hold (an upgrade granting what an older scope
    /// already allowed); false when the key already has it.
    /// </summary>
    public bool Grant(string scope)
    {
        var allowed = Owner == KeyOwner.Staff ? KeyScopes.Staff : KeyScopes.Partner;
        if (!allowed.Contains(scope))
            throw new DomainException("invalid-scope", $"A {Owner.ToString().ToLowerInvariant()} key cannot have scope {scope}.");
        if (Scopes.Contains(scope)) return false;
        Scopes = [.. Scopes, scope];
        return true;
    }

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null)
            throw new ConflictException("key-revoked", $"Key {Prefix} was already revoked.");
        RevokedAt = at;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What a key may do.</summary>
public static class KeyScopes
{
    public const string StaffRead = "staff:read";
    public const string StaffWrite = "staff:write";
    /// <summary>
    /// Investigations: cases, exposure, suspicion, timelines, reports and misuse signals. Separate
    /// from <see cref="StaffRead"/> because they name suspects and show where partners fetched from.
    /// </summary>
    public const string StaffInvestigate = "staff:investigate";
    public const string PartnerRead = "partner:read";
    public const string PartnerAcknowledge = "partner:acknowledge";
    /// <summary>Register, rotate and remove the organisation's webhook endpoints.</summary>
    public const string PartnerWebhooks = "partner:webhooks";
    /// <summary>Send sightings of the programme's objects to the TAXII inbound collection.</summary>
    public const string PartnerSightings = "partner:sightings";

    public static IReadOnlyList<string> Staff { get; } = [StaffRead, StaffWrite, StaffInvestigate];
    public static IReadOnlyList<string> Partner { get; } = [PartnerRead, PartnerAcknowledge, PartnerWebhooks, PartnerSightings];
}
