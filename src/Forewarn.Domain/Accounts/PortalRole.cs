using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;

namespace Forewarn.Domain.Accounts;

/// <summary>
/// What a person signed in to the portal may do. A role is nothing but a named set of the API
/// keys' scopes (<see cref="KeyScopes"/>): the portal and the API share one catalogue of
/// permissions, so a page is allowed exactly when a key with the same scopes would be.
/// </summary>
public enum PortalRole
{
    StaffAdmin,
    StaffPublisher,
    StaffAnalyst,
    PartnerAdmin,
    PartnerUser,
}

public static class PortalRoles
{
    private static readonly Dictionary<PortalRole, (string Name, IReadOnlyList<string> Scopes)> Catalogue = new()
    {
        [PortalRole.StaffAdmin] = ("staff-admin", [KeyScopes.StaffRead, KeyScopes.StaffWrite, KeyScopes.StaffInvestigate]),
        [PortalRole.StaffPublisher] = ("staff-publisher", [KeyScopes.StaffRead, KeyScopes.StaffWrite]),
        [PortalRole.StaffAnalyst] = ("staff-analyst", [KeyScopes.StaffRead, KeyScopes.StaffInvestigate]),
        [PortalRole.PartnerAdmin] = ("partner-admin",
            [KeyScopes.PartnerRead, KeyScopes.PartnerAcknowledge, KeyScopes.PartnerWebhooks, KeyScopes.PartnerSightings]),
        [PortalRole.PartnerUser] = ("partner-user", [KeyScopes.PartnerRead, KeyScopes.PartnerAcknowledge, KeyScopes.PartnerSightings]),
    };

    public static IReadOnlyList<PortalRole> All { get; } = Enum.GetValues<PortalRole>();

    /// <summary>The role's name as the API, the CLI and the store spell it (<c>staff-admin</c>, <c>partner-user</c> …).</summary>
    public static string Name(this PortalRole role) => Catalogue[role].Name;

    /// <summary>The API key scopes the role carries.</summary>
    public static IReadOnlyList<string> Scopes(this PortalRole role) => Catalogue[role].Scopes;

    /// <summary>Whether the role belongs to the programme's staff (else to one partner organisation).</summary>
    public static bool IsStaff(this PortalRole role) => role is PortalRole.StaffAdmin or PortalRole.StaffPublisher or PortalRole.StaffAnalyst;

    /// <summary>A staff role whose scopes include staff:write: inviting one needs four eyes (approvals:writeRoleInvitation).</summary>
    public static bool CanWrite(this PortalRole role) => role.Scopes().Contains(KeyScopes.StaffWrite);

    /// <summary>Whether signing in needs a second factor: staff and partner admins hold the keys to others' access.</summary>
    public static bool NeedsSecondFactor(this PortalRole role) => role.IsStaff() || role == PortalRole.PartnerAdmin;

    public static PortalRole Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) is var role
        && string.Equals(role.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? role
            : throw new DomainException("invalid-role",
                $"'{text}' is not a portal role; the roles are {string.Join(", ", All.Select(r => r.Name()))}.");
}
