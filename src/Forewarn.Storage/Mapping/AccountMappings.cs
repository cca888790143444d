using Forewarn.Domain.Accounts;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.Mapping;

/// <summary>
/// Identity's tables under the programme's names (after Identity's own model is built), with the
/// columns the programme adds to a user.
/// </summary>
internal static class AccountMappings
{
    public static void Apply(ModelBuilder b)
    {
        b.Entity<PortalUser>(e =>
        {
            e.ToTable("portal_users");
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(30);
            e.Property(u => u.DisplayName).HasMaxLength(120);
            e.HasIndex(u => u.PartnerId);
        });
        b.Entity<Invitation>(e =>
        {
            e.ToTable("portal_invitations");
            e.HasKey(i => i.Id);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.Property(i => i.Email).HasMaxLength(254);
            e.Property(i => i.Role).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.CreatedBy).HasMaxLength(200);
            // Two tabs accepting one link: the second save finds the acceptance already made.
            e.Property(i => i.AcceptedAt).IsConcurrencyToken();
        });
        b.Entity<IdentityUserClaim<Guid>>().ToTable("portal_user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("portal_user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("portal_user_tokens");
    }
}
