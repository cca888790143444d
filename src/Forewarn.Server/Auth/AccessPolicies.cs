using Forewarn.Domain.Keys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Forewarn.Server.Auth;

/// <summary>
/// Authorization policies: who owns the key and which scope it carries. Each has a portal twin
/// (<c>portal-</c> + its name) asking the same of the portal's signed-in principal, whose role
/// carries the same scopes (docs/portal.md); the API itself takes keys only, never the cookie.
/// </summary>
public static class AccessPolicies
{
    public const string StaffRead = "staff-read";
    public const string StaffWrite = "staff-write";
    /// <summary>A staff key with <see cref="KeyScopes.StaffInvestigate"/>; writes also need <see cref="StaffWrite"/>.</summary>
    public const string Investigate = "staff-investigate";
    public const string PartnerRead = "partner-read";
    public const string PartnerAcknowledge = "partner-acknowledge";
    public const string PartnerWebhooks = "partner-webhooks";
    /// <summary>A partner key with <see cref="KeyScopes.PartnerSightings"/>: reporting back (sightings, detection feedback).</summary>
    public const string PartnerSightings = "partner-sightings";
    /// <summary>
    /// A partner's administrative key: <see cref="KeyScopes.PartnerWebhooks"/>, the scope a partner
    /// admin's role adds. Its own organisation's keys (issue, revoke) need it.
    /// </summary>
    public const string PartnerAdmin = "partner-admin";

    /// <summary>
    /// Inviting people to the portal: a staff key that can write (staff and partner admins), or a
    /// partner's key with <see cref="KeyScopes.PartnerWebhooks"/> — the partner's administrative
    /// scope, the one a partner admin's role adds — for that partner's users.
    /// </summary>
    public const string Invite = "invite";

    public const string PortalStaffRead = "portal-" + StaffRead;
    public const string PortalStaffWrite = "portal-" + StaffWrite;
    public const string PortalPartnerRead = "portal-" + PartnerRead;
    public const string PortalPartnerWebhooks = "portal-" + PartnerWebhooks;
    public const string PortalPartnerAcknowledge = "portal-" + PartnerAcknowledge;
    public const string PortalPartnerSightings = "portal-" + PartnerSightings;
    public const string PortalPartnerAdmin = "portal-" + PartnerAdmin;
    /// <summary>The portal's twin of <see cref="Invite"/>: the people pages (staff who can write, a partner's admin).</summary>
    public const string PortalInvite = "portal-" + Invite;

    private static readonly (string Name, string Owner, string Scope)[] Catalogue =
    [
        (StaffRead, "staff", KeyScopes.StaffRead),
        (StaffWrite, "staff", KeyScopes.StaffWrite),
        (Investigate, "staff", KeyScopes.StaffInvestigate),
        (PartnerRead, "partner", KeyScopes.PartnerRead),
        (PartnerAcknowledge, "partner", KeyScopes.PartnerAcknowledge),
        (PartnerWebhooks, "partner", KeyScopes.PartnerWebhooks),
        (PartnerSightings, "partner", KeyScopes.PartnerSightings),
        (PartnerAdmin, "partner", KeyScopes.PartnerWebhooks),
    ];

    public static void Add(AuthorizationOptions o)
    {
        foreach (var (name, owner, scope) in Catalogue)
        {
            o.AddPolicy(name, p => Require(p, ApiKeyAuthentication.SchemeName, owner, scope));
            o.AddPolicy("portal-" + name, p => Require(p, IdentityConstants.ApplicationScheme, owner, scope));
        }
        foreach (var (name, scheme) in new[] { (Invite, ApiKeyAuthentication.SchemeName), (PortalInvite, IdentityConstants.ApplicationScheme) })
            o.AddPolicy(name, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser()
                .RequireAssertion(c => (c.User.HasClaim(Caller.OwnerClaim, "staff") && c.User.HasClaim(Caller.ScopeClaim, KeyScopes.StaffWrite))
                                       || (c.User.HasClaim(Caller.OwnerClaim, "partner") && c.User.HasClaim(Caller.ScopeClaim, KeyScopes.PartnerWebhooks))));
    }

    private static void Require(AuthorizationPolicyBuilder p, string scheme, string owner, string scope) =>
        p.AddAuthenticationSchemes(scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(Caller.OwnerClaim, owner)
            .RequireClaim(Caller.ScopeClaim, scope);
}
