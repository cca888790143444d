using Forewarn.Domain.Accounts;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries about the portal's accounts. People are named by their user id, never by e-mail: the
/// log is public, an address is personal data and a phishing target.
/// </summary>
public static partial class LogEvents
{
    public static LogEvent InvitationCreated(Invitation invitation, Actor actor) =>
        LogEvent.Of(LogKinds.InvitationCreated, invitation.CreatedAt, invitation.PartnerId?.Value, null,
        [
            Field("invitation", invitation.Id.ToString()), Field("role", invitation.Role.Name()),
            Field("expires_at", LogEvent.Time(invitation.ExpiresAt)), .. By(actor),
        ]);

    public static LogEvent InvitationAccepted(Invitation invitation, Guid user, Domain.Common.StaffMemberId? member) =>
        LogEvent.Of(LogKinds.InvitationAccepted, invitation.AcceptedAt ?? throw new ArgumentException("The invitation is not accepted.", nameof(invitation)),
            invitation.PartnerId?.Value, null,
        [
            Field("invitation", invitation.Id.ToString()), Field("user", user.ToString()), Field("role", invitation.Role.Name()),
            Field("member", member?.ToString()), Field("actor", Portal.Accounts.PortalPrincipal.NameOf(user)),
        ]);

    public static LogEvent InvitationRevoked(Invitation invitation, Actor actor) =>
        LogEvent.Of(LogKinds.InvitationRevoked, invitation.RevokedAt ?? throw new ArgumentException("The invitation is not revoked.", nameof(invitation)),
            invitation.PartnerId?.Value, null,
        [Field("invitation", invitation.Id.ToString()), Field("role", invitation.Role.Name()), .. By(actor)]);

    /// <summary>A change to a portal user's access (<see cref="LogKinds.PortalUserDisabled"/>, enabled, authenticator reset), naming them by id.</summary>
    public static LogEvent PortalUserChanged(string kind, Storage.Accounts.PortalUser user, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(kind, at, user.PartnerId?.Value, null,
        [Field("user", user.Id.ToString()), Field("role", user.Role.Name()), Field("member", user.MemberId?.ToString()), .. By(actor)]);

    /// <summary>
    /// A person changed their own mail settings (<see cref="LogKinds.PortalOpenPgpKeySet"/>, removed, advisory mail):
    /// they decide whether embargoed text leaves the programme by mail, and to which key. The key's fingerprint is
    /// not written: a key server would tie it to the e-mail address the log never holds.
    /// </summary>
    public static LogEvent PortalMailChanged(string kind, Storage.Accounts.PortalUser user, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(kind, at, user.PartnerId?.Value, null,
        [
            Field("user", user.Id.ToString()), Field("role", user.Role.Name()), Field("member", user.MemberId?.ToString()),
            Field("advisory_mail", kind == LogKinds.PortalAdvisoryMailChanged ? (user.AdvisoryMailOff ? "off" : "on") : null), .. By(actor),
        ]);
}
