using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Forewarn.Storage.Accounts;

/// <summary>
/// A person who signs in to the portal: an ASP.NET Core Identity user (password hash, lockout,
/// authenticator key and recovery codes are Identity's) who belongs either to the staff (as a
/// <see cref="StaffMemberId"/>, so four eyes count the same people as for keys) or to one partner.
/// Log entries name the user by <see cref="IdentityUser{TKey}.Id"/>, never by e-mail.
/// </summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public PortalRole Role { get; set; }

    /// <summary>The partner the user belongs to; null for staff.</summary>
    public PartnerId? PartnerId { get; set; }

    /// <summary>The staff member the user is; null for a partner's user.</summary>
    public StaffMemberId? MemberId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the user was disabled: from the next request on, they are signed out and cannot sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>
    /// The user's OpenPGP public key (ASCII-armoured), when they gave one: mail that carries
    /// embargoed text is sent to them only encrypted to this key. Null: notices without text.
    /// </summary>
    public string? OpenPgpPublicKey { get; set; }

    /// <summary>The fingerprint of <see cref="OpenPgpPublicKey"/> (40 upper-case hex digits), shown to the user and staff.</summary>
    public string? OpenPgpFingerprint { get; set; }

    /// <summary>Whether the user turned advisory notices by mail off (they are on for a partner's users unless turned off).</summary>
    public bool AdvisoryMailOff { get; set; }

    /// <summary>A new user of <paramref name="role"/>, checked to belong where the role says.</summary>
    public static PortalUser Create(string email, string displayName, PortalRole role, PartnerId? partner, StaffMemberId? member, DateTimeOffset now)
    {
        if (role.IsStaff() && (member is null || partner is not null))
            throw new DomainException("invalid-user", $"A {role.Name()} user is a staff member and belongs to no partner.");
        if (!role.IsStaff() && (partner is null || member is not null))
            throw new DomainException("invalid-user", $"A {role.Name()} user belongs to one partner and is no staff member.");
        var address = TextRules.Required(email, "e-mail address", 254).ToLowerInvariant();
        return new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = address,
            Email = address,
            EmailConfirmed = true, // the address is the one the invitation was accepted from
            DisplayName = TextRules.Required(displayName, "name", 120),
            Role = role,
            PartnerId = partner,
            MemberId = member,
            CreatedAt = now,
            LockoutEnabled = true,
            TwoFactorEnabled = false,
        };
    }
}
