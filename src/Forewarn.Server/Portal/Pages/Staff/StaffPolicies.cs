using Forewarn.Server.Auth;

namespace Forewarn.Server.Portal.Pages.Staff;

/// <summary>
/// The staff pages' policies: the <c>portal-</c> twins of the API's (<see cref="AccessPolicies"/>), so a page
/// is allowed exactly when the same endpoint would be for a key with the role's scopes.
/// </summary>
public static class StaffPolicies
{
    public const string Read = AccessPolicies.PortalStaffRead;
    public const string Write = AccessPolicies.PortalStaffWrite;
    /// <summary>Investigation pages (cases, exposure, timelines, suspicion, signals); their forms need <see cref="Write"/> too, as the API's do.</summary>
    public const string Investigate = "portal-" + AccessPolicies.Investigate;
}
