using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Accounts;

/// <summary>
/// A one-time invitation to the portal: whoever opens its link may set a password (and enrol an
/// authenticator when the role needs one) for a user of <see cref="Role"/>. Only the token's
/// SHA-256 is kept (the token has 256 bits of entropy, so a fast hash is enough); it is used once
/// and expires.
/// </summary>
public sealed class Invitation
{
    private Invitation() { }

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string Email { get; private set; } = "";
    public PortalRole Role { get; private set; }
    public PartnerId? PartnerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? AcceptedAt { get; private set; }
    /// <summary>The user the acceptance made.</summary>
    public Guid? AcceptedBy { get; private set; }
    /// <summary>When someone took the invitation back before it was used; its link no longer works.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A new invitation and its one-time token (shown once, in the link).</summary>
    public static (Invitation Invitation, string Token) Create(string? email, PortalRole role, PartnerId? partner, DateTimeOffset now, string actor)
    {
        var address = TextRules.Required(email, "e-mail address", 254).ToLowerInvariant();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at == address.Length - 1 || address.Contains(' ', StringComparison.Ordinal))
            throw new InvalidFieldException("e-mail address", $"'{address}' is not an e-mail address.");
        if (role.IsStaff() && partner is not null)
            throw new DomainException("invalid-invitation", $"A {role.Name()} belongs to the staff, not to a partner: leave the partner out.");
        if (!role.IsStaff() && partner is null)
            throw new DomainException("invalid-invitation", $"A {role.Name()} belongs to one partner: name it.");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new Invitation
        {
            Id = Guid.CreateVersion7(),
            TokenHash = Hash(token),
            Email = address,
            Role = role,
            PartnerId = partner,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            CreatedBy = actor,
        }, token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the invitation may still be accepted at <paramref name="now"/>.</summary>
    public bool OpenAt(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(Guid user, DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new ConflictException("invitation-used", "This invitation was already accepted.");
        if (RevokedAt is not null) throw new DomainException("invitation-revoked", "This invitation was revoked; ask for a new one.");
        if (now >= ExpiresAt) throw new DomainException("invitation-expired", "This invitation has expired; ask for a new one.");
        AcceptedAt = now;
        AcceptedBy = user;
    }

    /// <summary>Takes the invitation back: only an open one (a used one made its user, who may be disabled instead).</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new ConflictException("invitation-used", "This invitation was already accepted: disable the user it made instead.");
        if (RevokedAt is not null) throw new ConflictException("invitation-revoked", "This invitation was already revoked.");
        if (now >= ExpiresAt) throw new ConflictException("invitation-expired", "This invitation has expired already.");
        RevokedAt = now;
    }
}
