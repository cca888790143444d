using System.Security.Claims;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Auth;

/// <summary>Who is calling, read from the authenticated key.</summary>
public static class Caller
{
    public const string KeyIdClaim = "forewarn:key";
    public const string KeyPrefixClaim = "forewarn:key-prefix";
    public const string OwnerClaim = "forewarn:owner";
    public const string PartnerClaim = "forewarn:partner";
    public const string ScopeClaim = "scope";
    public const string MemberClaim = "forewarn:member";

    public static Guid KeyId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(KeyIdClaim)!);

    /// <summary>The staff member who holds the key; null for a partner key.</summary>
    public static StaffMemberId? Member(this ClaimsPrincipal user) =>
        StaffMemberId.TryParse(user.FindFirstValue(MemberClaim), out var id) ? id : null;

    public static PartnerId PartnerId(this ClaimsPrincipal user) => new(Guid.Parse(user.FindFirstValue(PartnerClaim)!));

    /// <summary>How the caller appears in histories and revisions.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) + " (" + user.FindFirstValue(KeyPrefixClaim) + ")";
}
