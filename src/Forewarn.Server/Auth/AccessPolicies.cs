using Forewarn.Domain.Keys;
using Microsoft.AspNetCore.Authorization;

namespace Forewarn.Server.Auth;

/// <summary>Authorization policies: who owns the key and which scope it carries.</summary>
public static class AccessPolicies
{
    public const string StaffRead = "staff-read";
    public const string StaffWrite = "staff-write";
    /// <summary>A staff key with <see cref="KeyScopes.StaffInvestigate"/>; writes also need <see cref="StaffWrite"/>.</summary>
    public const string Investigate = "staff-investigate";
    public const string PartnerRead = "partner-read";
    public const string PartnerAcknowledge = "partner-acknowledge";
    public const string PartnerWebhooks = "partner-webhooks";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(StaffRead, p => Require(p, "staff", KeyScopes.StaffRead));
        o.AddPolicy(StaffWrite, p => Require(p, "staff", KeyScopes.StaffWrite));
        o.AddPolicy(Investigate, p => Require(p, "staff", KeyScopes.StaffInvestigate));
        o.AddPolicy(PartnerRead, p => Require(p, "partner", KeyScopes.PartnerRead));
        o.AddPolicy(PartnerAcknowledge, p => Require(p, "partner", KeyScopes.PartnerAcknowledge));
        o.AddPolicy(PartnerWebhooks, p => Require(p, "partner", KeyScopes.PartnerWebhooks));
    }

    private static void Require(AuthorizationPolicyBuilder p, string owner, string scope) =>
        p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(Caller.OwnerClaim, owner)
            .RequireClaim(Caller.ScopeClaim, scope);
}
