using Forewarn.Domain.Accounts;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Mail;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Invitations;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Mail;

/// <summary>
/// Turns a change into mail rows, added to the caller's unit of work so they commit (or roll back)
/// with the change that causes them — as webhook deliveries are (ADR 6). Nothing is written while
/// mail is off. A row holds who and why, not the message: the sender composes it from the facts of
/// the moment it first sends, so a notice never carries what the partner may no longer see.
/// </summary>
public sealed class MailOutbox(MailSettings settings)
{
    public bool On => settings.On;

    /// <summary>Mails an invitation's link to the invited address (the inviter still sees the link in the answer).</summary>
    public void Invitation(ForewarnDb db, Invitation invitation, string token, DateTimeOffset now)
    {
        if (!settings.On) return;
        var link = $"{settings.PortalUrl}{InvitationService.AcceptPath}{token}";
        db.MailMessages.Add(MailMessage.Invitation(invitation.Id, invitation.Email, invitation.PartnerId, link, settings.Domain, now));
    }

    /// <summary>
    /// The notices of an advisory opening to <paramref name="told"/> (partners just told of a wave of it):
    /// one per active user of each partner that was never told of the advisory before and who has not
    /// turned advisory mail off. For the caller to write with the notices of the wave (in bulk).
    /// </summary>
    public async Task<IReadOnlyList<MailMessage>> AdvisoryOpenedAsync(ForewarnDb db, Advisory advisory, IReadOnlyCollection<PartnerId> told,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.On || told.Count == 0) return [];
        // Told of an earlier wave: the advisory opened to them then (and they were mailed then).
        var before = (await db.Notices.AsNoTracking()
            .Where(n => n.AdvisoryId == advisory.Id && n.Kind == NoticeKind.Wave)
            .Select(n => n.PartnerId).Distinct().ToListAsync(ct)).ToHashSet();
        var first = told.Where(p => !before.Contains(p)).Select(p => p.Value).ToHashSet();
        if (first.Count == 0) return [];
        var users = await db.Users.AsNoTracking()
            .Where(u => u.PartnerId != null && u.DisabledAt == null && !u.AdvisoryMailOff && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.PartnerId })
            .ToListAsync(ct);
        return users.Where(u => first.Contains(u.PartnerId!.Value.Value))
            .Select(u => MailMessage.AdvisoryNotice(u.Id, u.Email!, u.PartnerId!.Value, advisory.Id, settings.Domain, now))
            .ToList();
    }
}
