using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Server.Invitations;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// A portal user as the people page and <c>GET /api/v1/portal-users</c> show them (never their secrets). Of their mail
/// settings, only whether they gave an OpenPGP key (its fingerprint, never the key's text) and, for a partner's user,
/// whether advisory notices are mailed to them (null for staff, who get none).
/// </summary>
public sealed record PortalPerson(Guid Id, string Name, string Email, string Role, Guid? PartnerId, string Organisation,
    bool SecondFactor, int Passkeys, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, string? OpenPgpFingerprint = null, bool? AdvisoryMail = null);

/// <summary>An open invitation as the people page and <c>GET /api/v1/invitations</c> show it (never its token).</summary>
public sealed record OpenInvitation(Guid Id, string Email, string Role, Guid? PartnerId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string CreatedBy);

/// <summary>
/// Managing the portal's people: list users and open invitations, disable and re-enable a user,
/// reset a lost authenticator, revoke an invitation. Staff who can write manage everyone; a
/// partner's admin manages that partner's users only — another partner's user or invitation is
/// not found, like one that does not exist. Who manages is an <see cref="Inviter"/>: the same
/// people, with the same reach, as for inviting. Every change is a log entry naming the user by id.
/// </summary>
public sealed class PortalPeople(ForewarnDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PortalPerson>> ListAsync(Inviter by, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (by.Partner is { } own) query = query.Where(u => u.PartnerId == own);
        var people = await query.ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var passkeys = await db.Set<IdentityUserPasskey<Guid>>().AsNoTracking().Where(p => ids.Contains(p.UserId))
            .GroupBy(p => p.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var partnerIds = people.Where(p => p.PartnerId is not null).Select(p => p.PartnerId!.Value).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        return [.. people
            .OrderBy(p => p.PartnerId is null ? 0 : 1).ThenBy(p => p.PartnerId is { } id ? names.GetValueOrDefault(id) : "").ThenBy(p => p.DisplayName, StringComparer.Ordinal)
            .Select(p => new PortalPerson(p.Id, p.DisplayName, p.Email ?? "", p.Role.Name(), p.PartnerId?.Value,
                p.PartnerId is { } id ? names.GetValueOrDefault(id) ?? id.ToString() : "the programme's staff",
                p.TwoFactorEnabled, passkeys.GetValueOrDefault(p.Id), p.CreatedAt, p.DisabledAt,
                p.OpenPgpFingerprint, p.Role.IsStaff() ? null : !p.AdvisoryMailOff))];
    }

    public async Task<IReadOnlyList<OpenInvitation>> InvitationsAsync(Inviter by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.RevokedAt == null);
        if (by.Partner is { } own) query = query.Where(i => i.PartnerId == own);
        var open = await query.ToListAsync(ct);
        return [.. open.Where(i => i.OpenAt(now)).OrderBy(i => i.CreatedAt)
            .Select(i => new OpenInvitation(i.Id, i.Email, i.Role.Name(), i.PartnerId?.Value, i.CreatedAt, i.ExpiresAt, i.CreatedBy))];
    }

    public async Task<PortalPerson> DisableAsync(Guid id, Inviter by, CancellationToken ct)
    {
        var user = await ManagedAsync(id, by, ct);
        if (by.Actor.Name == PortalPrincipal.NameOf(user.Id))
            throw new ConflictException("own-account", "You cannot disable your own account: ask another administrator.");
        if (user.DisabledAt is not null) throw new ConflictException("user-disabled", "This user is disabled already.");
        var now = clock.GetUtcNow();
        user.DisabledAt = now;
        db.Stage(LogEvents.PortalUserChanged(LogKinds.PortalUserDisabled, user, now, by.Actor));
        await db.SaveChangesAsync(ct);
        return await ShowAsync(user, by, ct);
    }

    public async Task<PortalPerson> EnableAsync(Guid id, Inviter by, CancellationToken ct)
    {
        var user = await ManagedAsync(id, by, ct);
        if (user.DisabledAt is null) throw new ConflictException("user-enabled", "This user is not disabled.");
        var now = clock.GetUtcNow();
        user.DisabledAt = null;
        db.Stage(LogEvents.PortalUserChanged(LogKinds.PortalUserEnabled, user, now, by.Actor));
        await db.SaveChangesAsync(ct);
        return await ShowAsync(user, by, ct);
    }

    /// <summary>
    /// A lost authenticator: its key and recovery codes are removed and the second factor is off,
    /// so the user enrols again at the next sign-in (their role still needs one); the new security
    /// stamp signs their sessions out. Passkeys stay: they are not the lost device's.
    /// </summary>
    public async Task<PortalPerson> ResetAuthenticatorAsync(Guid id, Inviter by, CancellationToken ct)
    {
        var user = await ManagedAsync(id, by, ct);
        if (!user.TwoFactorEnabled) throw new ConflictException("no-authenticator", "This user has no authenticator to reset.");
        var now = clock.GetUtcNow();
        // The change and its entry in one commit, on the rows Identity keeps them in.
        var tokens = await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == AuthenticatorTokens.Provider
            && (t.Name == AuthenticatorTokens.Key || t.Name == AuthenticatorTokens.RecoveryCodes)).ToListAsync(ct);
        db.UserTokens.RemoveRange(tokens);
        user.TwoFactorEnabled = false;
        // A new security stamp ends the user's sessions at their next request (as Identity's own stamp change would).
        user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Stage(LogEvents.PortalUserChanged(LogKinds.PortalAuthenticatorReset, user, now, by.Actor));
        await db.SaveChangesAsync(ct);
        return await ShowAsync(user, by, ct);
    }

    public async Task<OpenInvitation> RevokeInvitationAsync(Guid id, Inviter by, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || (by.Partner is { } own && invitation.PartnerId != own)) throw new NotFoundException("invitation", id.ToString());
        invitation.Revoke(clock.GetUtcNow());
        db.Stage(LogEvents.InvitationRevoked(invitation, by.Actor));
        await db.SaveChangesAsync(ct);
        return new OpenInvitation(invitation.Id, invitation.Email, invitation.Role.Name(), invitation.PartnerId?.Value, invitation.CreatedAt,
            invitation.ExpiresAt, invitation.CreatedBy);
    }

    /// <summary>The user <paramref name="id"/>, if <paramref name="by"/> manages them; another partner's user is as unknown as none.</summary>
    private async Task<PortalUser> ManagedAsync(Guid id, Inviter by, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || (by.Partner is { } own && user.PartnerId != own)) throw new NotFoundException("portal-user", id.ToString());
        return user;
    }

    private async Task<PortalPerson> ShowAsync(PortalUser user, Inviter by, CancellationToken ct) =>
        (await ListAsync(by, ct)).Single(p => p.Id == user.Id);
}

/// <summary>Where Identity's user store keeps a user's authenticator key and recovery codes (its own names).</summary>
internal static class AuthenticatorTokens
{
    public const string Provider = "[AspNetUserStore]";
    public const string Key = "AuthenticatorKey";
    public const string RecoveryCodes = "RecoveryCodes";
}
