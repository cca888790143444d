using System.Text.Json.Serialization;
using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Demo;

/// <summary>A demo portal user as demo-credentials.json lists them: how to sign in, and the authenticator key to add to an app.</summary>
public sealed record DemoPortalUser(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("organisation")] string Organisation,
    [property: JsonPropertyName("totpSecret")] string? TotpSecret);

/// <summary>
/// The demo's portal users: the first staff member as staff admin, Bastion's admin and a user at
/// Corvid. Those whose role needs a second factor are enrolled already, their authenticator key
/// (base32) written beside their password, so that a person can add it to an authenticator app.
/// </summary>
public static class DemoPortalUsers
{
    private static readonly (string Email, string Name, string Password, PortalRole Role, string? Partner)[] People =
    [
        ("ines.halvorsen@halcyon.example", DemoProgram.FirstStaffMember, "demo-staff-password", PortalRole.StaffAdmin, null),
        ("admin@bastion.example", "Bastion's portal admin", "demo-bastion-password", PortalRole.PartnerAdmin, "Bastion"),
        ("analyst@corvid.example", "Corvid's analyst", "demo-corvid-password", PortalRole.PartnerUser, "Corvid"),
    ];

    public static async Task<IReadOnlyList<DemoPortalUser>> AddAsync(ForewarnDb db, UserManager<PortalUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var member = (await db.StaffMembers.AsNoTracking().FirstAsync(m => m.Name == DemoProgram.FirstStaffMember, ct)).Id;
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var made = new List<DemoPortalUser>();
        foreach (var (email, name, password, role, partnerName) in People)
        {
            var partner = partnerName is null ? null : partners.First(p => p.LegalName.StartsWith(partnerName, StringComparison.Ordinal));
            var user = PortalUser.Create(email, name, role, partner?.Id, partner is null ? member : null, now);
            Succeeded(await users.CreateAsync(user, password), email);
            string? secret = null;
            if (role.NeedsSecondFactor())
            {
                Succeeded(await users.ResetAuthenticatorKeyAsync(user), email);
                secret = await users.GetAuthenticatorKeyAsync(user);
                Succeeded(await users.SetTwoFactorEnabledAsync(user, true), email);
            }
            made.Add(new DemoPortalUser(email, password, role.Name(), partner?.LegalName ?? DemoProgram.Name, secret));
        }
        return made;
    }

    private static void Succeeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new DomainException("demo-user", $"The demo could not make the portal user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
