using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;

namespace Forewarn.Domain.Tests.Keys;

/// <summary>A portal role is a set of API key scopes of its owner's kind: one catalogue of permissions.</summary>
public sealed class PortalRoleTests
{
    [Fact]
    public void Every_role_holds_only_scopes_a_key_of_its_owner_may_hold_and_reads_back_from_its_name()
    {
        foreach (var role in PortalRoles.All)
        {
            Assert.NotEmpty(role.Scopes());
            Assert.All(role.Scopes(), s => Assert.Contains(s, role.IsStaff() ? KeyScopes.Staff : KeyScopes.Partner));
            Assert.Equal(role, PortalRoles.Parse(role.Name().ToUpperInvariant()));
        }
        Assert.Equal(KeyScopes.Staff, PortalRole.StaffAdmin.Scopes());
        Assert.Equal(KeyScopes.Partner, PortalRole.PartnerAdmin.Scopes());
        Assert.DoesNotContain(KeyScopes.PartnerWebhooks, PortalRole.PartnerUser.Scopes()); // the admin's scope
        Assert.Equal("invalid-role", Assert.Throws<DomainException>(() => PortalRoles.Parse("overlord")).Code);
    }

    [Fact]
    public void Staff_and_partner_admins_need_a_second_factor_and_a_partner_user_does_not()
    {
        Assert.Equal([PortalRole.StaffAdmin, PortalRole.StaffPublisher, PortalRole.StaffAnalyst, PortalRole.PartnerAdmin],
            PortalRoles.All.Where(r => r.NeedsSecondFactor()));
    }

    [Fact]
    public void An_invitation_keeps_only_its_tokens_hash_and_is_used_once_before_it_expires()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var (invitation, token) = Invitation.Create(" Reader@Corvid.Example ", PortalRole.PartnerUser, new PartnerId(Guid.NewGuid()), now, "test");
        Assert.Equal("reader@corvid.example", invitation.Email);
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.False(invitation.OpenAt(now + Invitation.Lifetime));
        invitation.Accept(Guid.NewGuid(), now.AddDays(1));
        Assert.False(invitation.OpenAt(now.AddDays(1)));
        Assert.Throws<ConflictException>(() => invitation.Accept(Guid.NewGuid(), now.AddDays(2)));
        Assert.Throws<DomainException>(() => Invitation.Create("a@b.example", PortalRole.PartnerUser, null, now, "test"));
        Assert.Throws<DomainException>(() => Invitation.Create("a@b.example", PortalRole.StaffAdmin, new PartnerId(Guid.NewGuid()), now, "test"));
    }
}
