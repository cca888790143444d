using System.Security.Claims;
using Forewarn.Domain.Accounts;
using Forewarn.Server.Auth;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// The principal of a person signed in to the portal carries the claims an API key's principal
/// carries (<see cref="Caller"/>: owner, partner, staff member, one <c>scope</c> claim per scope of
/// the role), so the portal is allowed what a key with the same scopes is, through the same
/// application services; and it names the user by id, never by e-mail.
/// </summary>
public sealed class PortalPrincipal(UserManager<PortalUser> users, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    public const string UserClaim = "forewarn:user";
    /// <summary>When the person signed in (sliding renewal re-issues the cookie, so its own issue time cannot bound a session).</summary>
    public const string SignedInClaim = "forewarn:signed-in";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Identity puts the user name (the e-mail) in Name; the programme's records name the user by id.
        foreach (var name in identity.FindAll(identity.NameClaimType).ToList()) identity.RemoveClaim(name);
        identity.AddClaim(new Claim(identity.NameClaimType, NameOf(user.Id)));
        identity.AddClaim(new Claim(UserClaim, user.Id.ToString()));
        identity.AddClaim(new Claim(SignedInClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(Caller.OwnerClaim, user.Role.IsStaff() ? "staff" : "partner"));
        if (user.PartnerId is { } partner) identity.AddClaim(new Claim(Caller.PartnerClaim, partner.ToString()));
        if (user.MemberId is { } member) identity.AddClaim(new Claim(Caller.MemberClaim, member.ToString()));
        identity.AddClaims(user.Role.Scopes().Select(s => new Claim(Caller.ScopeClaim, s)));
        return identity;
    }

    /// <summary>How a portal user appears in histories and log entries.</summary>
    public static string NameOf(Guid user) => $"portal-user:{user}";

    /// <summary>The actor of a change made in the portal: the user by id, and for staff the member they are.</summary>
    public static Actor ActorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Name) ?? "portal-user", null, user.Member()) { PortalUser = UserOf(user) };

    public static Guid UserOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(UserClaim)!);
}
