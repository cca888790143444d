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
            e.Property(u => u.OpenPgpPublicKey).HasMaxLength(65536);
            e.Property(u => u.OpenPgpFingerprint).HasMaxLength(40);
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
        // Passkeys (WebAuthn credentials) as Identity's schema version 3 keeps them, mapped here
        // because the store's model must not depend on the options a context was made with
        // (the design-time factories have none): the credential id is the key, its public key and
        // counters one JSON column.
        b.Entity<IdentityUserPasskey<Guid>>(e =>
        {
            e.ToTable("portal_user_passkeys");
            e.HasKey(p => p.CredentialId);
            e.Property(p => p.CredentialId).HasMaxLength(1024); // WebAuthn: at most 1023 bytes
            e.OwnsOne(p => p.Data).ToJson();
            e.HasIndex(p => p.UserId);
        });
        b.Entity<PortalUser>().HasMany<IdentityUserPasskey<Guid>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
    }
}
