using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Portal.Accounts.OpenPgp;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Forewarn.Storage.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>What a person's account page shows of their OpenPGP key: the key as read now, or why it no longer works.</summary>
/// <param name="Fingerprint">As stored.</param>
/// <param name="Key">The key read at this moment; null when it no longer works (<paramref name="Problem"/> says why).</param>
/// <param name="Problem">Why mail can no longer be encrypted to the stored key (expired or revoked since), or null.</param>
public sealed record StoredKey(string Fingerprint, RecipientKey? Key, string? Problem);

/// <summary>
/// A person's own mail settings: the OpenPGP public key that mail carrying embargoed text is
/// encrypted to, and, for a partner's users, whether advisory notices come by mail at all. Each
/// change is the person's own, made on their account page, and a log entry naming them by id:
/// it decides whether embargoed text leaves the programme by mail, and to which key.
/// A refused key changes nothing and is not kept anywhere (a secret key least of all).
/// </summary>
public sealed class MailSettings(ForewarnDb db, TimeProvider clock)
{
    /// <summary>Reads, checks and stores <paramref name="text"/> as the user's key; the key as accepted, with its warnings.</summary>
    /// <exception cref="DomainException">The key is refused (one of <see cref="RecipientKeyProblems"/>); nothing changed.</exception>
    public async Task<RecipientKey> SetKeyAsync(Guid userId, string? text, Actor actor, CancellationToken ct)
    {
        var user = await OwnAsync(userId, ct);
        var now = clock.GetUtcNow();
        var key = RecipientKeyReader.Read(text, user.Email ?? "", now);
        if (key.Armored == user.OpenPgpPublicKey) return key;
        user.OpenPgpPublicKey = key.Armored;
        user.OpenPgpFingerprint = key.Fingerprint;
        db.Stage(LogEvents.PortalMailChanged(LogKinds.PortalOpenPgpKeySet, user, now, actor));
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>Removes the user's key: from then on their notices come without embargoed text. False when there was none.</summary>
    public async Task<bool> RemoveKeyAsync(Guid userId, Actor actor, CancellationToken ct)
    {
        var user = await OwnAsync(userId, ct);
        if (user.OpenPgpPublicKey is null && user.OpenPgpFingerprint is null) return false;
        user.OpenPgpPublicKey = null;
        user.OpenPgpFingerprint = null;
        db.Stage(LogEvents.PortalMailChanged(LogKinds.PortalOpenPgpKeyRemoved, user, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Turns a partner user's advisory notices by mail on or off. False when it already was so.</summary>
    /// <exception cref="ConflictException">A staff user: the programme mails advisory notices to partners' people only.</exception>
    public async Task<bool> SetAdvisoryMailAsync(Guid userId, bool on, Actor actor, CancellationToken ct)
    {
        var user = await OwnAsync(userId, ct);
        if (user.Role.IsStaff())
            throw new ConflictException("advisory-mail-partners-only", "Advisory notices are mailed to partners' people only; staff have none to turn on or off.");
        if (user.AdvisoryMailOff == !on) return false;
        user.AdvisoryMailOff = !on;
        db.Stage(LogEvents.PortalMailChanged(LogKinds.PortalAdvisoryMailChanged, user, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The user's stored key as it reads now (a key may expire or be found revoked after it was given); null when there is none.</summary>
    public StoredKey? Shown(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.OpenPgpPublicKey is null || user.OpenPgpFingerprint is null) return null;
        try
        {
            return new StoredKey(user.OpenPgpFingerprint, RecipientKeyReader.Read(user.OpenPgpPublicKey, user.Email ?? "", clock.GetUtcNow()), null);
        }
        catch (DomainException e)
        {
            return new StoredKey(user.OpenPgpFingerprint, null, e.Message);
        }
    }

    private async Task<PortalUser> OwnAsync(Guid userId, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("portal-user", userId.ToString());
}
