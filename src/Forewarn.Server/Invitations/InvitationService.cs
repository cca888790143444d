using Forewarn.Domain.Accounts;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Staff;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Mail;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Invitations;

/// <summary>Who invites: staff (any staff role, and partner admins), or a partner's admin key (its own users only).</summary>
public sealed record Inviter(Actor Actor, PartnerId? Partner);

/// <summary>
/// What an invitation is made from: the address, role and partner, and — for a re-send — the invitation it
/// replaces. A proposal keeps it as its request, so what is approved is what is made.
/// </summary>
public sealed record InvitationRequest(string? Email, string? Role, Guid? PartnerId, Guid? Replaces);

/// <summary>An invitation just made, with its one-time token (never stored: only in the answer that made it).</summary>
public sealed record IssuedInvitation(Invitation Invitation, string Token);

/// <summary>
/// Invitations to the portal: staff invite staff and partner admins; a partner's admin invites
/// that partner's users. The link carries a one-time token (only its hash is kept); accepting it
/// makes the user with the password they choose. Both are logged, naming the user by id.
/// An invitation to a role that can write needs a second staff member's approval
/// (<see cref="GatedAction.WriteRoleInvitation"/>): it is proposed, and once approved its proposer
/// collects the link (<see cref="ProposalService.CollectInvitationAsync"/>), so the link goes to nobody else.
/// </summary>
public sealed class InvitationService(ForewarnDb db, TimeProvider clock, UserManager<PortalUser> users, PortalUserStore store, FourEyesGate gate,
    MailOutbox mail)
{
    public const string AcceptPath = "/portal/invitations/";

    public Task<Gated<IssuedInvitation>> CreateAsync(string? email, string? role, Guid? partnerId, Inviter by, CancellationToken ct) =>
        InviteAsync(new InvitationRequest(email, role, partnerId, null), by, ct);

    /// <summary>
    /// Re-sends an invitation: in one commit the old link stops working (if it still worked) and a new one is made
    /// for the same address, role and partner. An open or expired invitation may be re-sent; a used or revoked one
    /// may not. Another partner's invitation is as unknown as none. Gated like a new invitation of its role.
    /// </summary>
    public async Task<Gated<IssuedInvitation>> ResendAsync(Guid id, Inviter by, CancellationToken ct)
    {
        var old = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (old is null || (by.Partner is { } own && old.PartnerId != own)) throw new NotFoundException("invitation", id.ToString());
        return await InviteAsync(new InvitationRequest(old.Email, old.Role.Name(), old.PartnerId?.Value, old.Id), by, ct);
    }

    /// <summary>
    /// Makes an invitation (and, for a re-send, revokes the one it replaces) — or, for a role that can write,
    /// proposes it. An approved proposal comes back here with the approval on its actor, from its proposer
    /// collecting it (<see cref="ApprovedChanges.InviteAsync"/>).
    /// </summary>
    public async Task<Gated<IssuedInvitation>> InviteAsync(InvitationRequest request, Inviter by, CancellationToken ct)
    {
        var wanted = PortalRoles.Parse(request.Role);
        PartnerId? partner = request.PartnerId is { } id ? new PartnerId(id) : null;
        if (by.Partner is { } own)
        {
            if (wanted != PortalRole.PartnerUser)
                throw new DomainException("forbidden", $"A partner's admin invites its own users (role {PortalRole.PartnerUser.Name()}); ask the programme's staff for a {wanted.Name()}.",
                    ErrorCategory.Forbidden);
            // Another partner's id is as unknown to this partner as an id that names nothing.
            if (partner is { } named && named != own) throw new NotFoundException("partner", named.ToString());
            partner = own;
        }
        else if (wanted == PortalRole.PartnerUser)
            throw new DomainException("invalid-invitation", $"Partners invite their own users: invite the partner's admin ({PortalRole.PartnerAdmin.Name()}), who then invites them.");
        if (partner is { } p && !await db.Partners.AnyAsync(x => x.Id == p, ct)) throw new NotFoundException("partner", p.ToString());
        var now = clock.GetUtcNow();
        // A used or revoked invitation is refused as such, before anything about the new one.
        var replaced = request.Replaces is { } old ? await ReplacedAsync(old, now, ct) : null;
        var (invitation, token) = Invitation.Create(request.Email, wanted, partner, now, by.Actor.Name);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
            throw new ConflictException("user-exists", "A portal user with that e-mail address already exists.");
        if (wanted.CanWrite() && gate.Needs(GatedAction.WriteRoleInvitation, by.Actor))
            // The summary and the log name the role, never the address (the request keeps it, in the store only).
            return await gate.ProposeAsync(GatedAction.WriteRoleInvitation, null,
                $"{(replaced is null ? "Invite" : "Re-invite")} a {wanted.Name()} to the portal; once approved, the proposer collects the one-time link.",
                request with { Email = invitation.Email, Role = wanted.Name(), PartnerId = partner?.Value }, null, by.Actor, ct);
        if (replaced is not null && replaced.OpenAt(now))
        {
            replaced.Revoke(now);
            db.Stage(LogEvents.InvitationRevoked(replaced, by.Actor));
        }
        db.Invitations.Add(invitation);
        // With mail on, the link also goes to the invited address, in this commit (an approved proposal's only once collected).
        mail.Invitation(db, invitation, token, now);
        db.Stage(LogEvents.InvitationCreated(invitation, by.Actor));
        await db.SaveChangesAsync(ct);
        return Gated<IssuedInvitation>.Done(new IssuedInvitation(invitation, token));
    }

    /// <summary>The invitation a re-send replaces: open (it is revoked with the new one's commit) or expired; never a used or revoked one.</summary>
    private async Task<Invitation> ReplacedAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var old = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("invitation", id.ToString());
        if (old.AcceptedAt is not null)
            throw new ConflictException("invitation-used", "This invitation was already accepted: there is nothing to re-send.");
        if (old.RevokedAt is not null)
            throw new ConflictException("invitation-revoked", "This invitation was revoked: invite the person again if that was a mistake.");
        return old;
    }

    /// <summary>The open invitation behind a link's token; null when it is unknown, used or expired (they look alike).</summary>
    public async Task<Invitation?> FindOpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.OpenAt(clock.GetUtcNow()) ? invitation : null;
    }

    /// <summary>
    /// Makes the invited user with <paramref name="password"/> and marks the invitation used, with
    /// its log entry, in one commit. Returns Identity's objections to the password (nothing saved) or the user.
    /// </summary>
    public async Task<(PortalUser? User, IReadOnlyList<string> Problems)> AcceptAsync(string token, string? name, string password, CancellationToken ct)
    {
        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.OpenAt(now))
            throw new DomainException("invitation-closed", "This invitation link is unknown, already used or expired; ask for a new one.");
        var displayName = TextRules.Required(name, "name", 120);
        StaffMember? member = null;
        if (invitation.Role.IsStaff())
        {
            member = StaffMember.Create(displayName, now, $"invitation:{invitation.Id}");
            if (await db.StaffMembers.AnyAsync(m => m.Name == member.Name, ct))
                throw new InvalidFieldException("name", $"A staff member named '{member.Name}' already exists: add something that tells you apart.");
        }
        var user = PortalUser.Create(invitation.Email, displayName, invitation.Role, invitation.PartnerId, member?.Id, now);
        // One commit for the user, the invitation's use and their entries: Identity stages the user, this saves.
        store.AutoSaveChanges = false;
        var made = await users.CreateAsync(user, password);
        if (!made.Succeeded) return (null, [.. made.Errors.Select(e => e.Description)]);
        invitation.Accept(user.Id, now);
        if (member is not null)
        {
            db.StaffMembers.Add(member);
            db.Stage(LogEvents.StaffMemberAdded(member, new Actor(PortalPrincipal.NameOf(user.Id), null, member.Id)));
        }
        db.Stage(LogEvents.InvitationAccepted(invitation, user.Id, member?.Id));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("invitation-used", "This invitation was accepted a moment ago; sign in instead.");
        }
        return (user, []);
    }
}
