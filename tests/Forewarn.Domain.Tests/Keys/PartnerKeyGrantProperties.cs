using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;

namespace Forewarn.Domain.Tests.Keys;

/// <summary>
/// What a partner's admin may put on a key, over random scopes held and random requests (any
/// scope of the catalogue, in any case and spacing, unknown ones, blanks): a key is issued only
/// with scopes the admin holds, never the administrative one and never a staff one; every other
/// request is refused with a stable code.
/// </summary>
public sealed class PartnerKeyGrantProperties
{
    private static readonly string[] Catalogue = [.. KeyScopes.Partner, .. KeyScopes.Staff];

    private static Gen<string?> Requested() => Gen.Frequency(
        (8, Gen.Elements(Catalogue).Select(s => (string?)s)),
        (2, Gen.Elements(Catalogue).Select(s => (string?)$"  {s.ToUpperInvariant()} ")),
        (1, Gen.Elements<string?>("partner:write", "admin", "", "   ", null, "partner:*")));

    private static Gen<(string[] Held, List<string?> Requested)> Cases() =>
        from held in Gen.SubListOf(Catalogue)
        from count in Gen.Choose(0, 6)
        from requested in Gen.ListOf(Requested(), count)
        select (held.ToArray(), requested.ToList());

    [Property(MaxTest = 2000)]
    public Property A_granted_key_holds_only_partner_scopes_the_admin_holds_minus_the_admin_scope_else_it_is_refused() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var allowed = KeyScopes.Partner.Where(s => s != KeyScopes.PartnerWebhooks && c.Held.Contains(s)).ToHashSet();
            var wanted = c.Requested.Select(s => s?.Trim().ToLowerInvariant() ?? "").Where(s => s.Length > 0).ToHashSet();
            var grantable = wanted.Count > 0 && wanted.IsSubsetOf(allowed);
            try
            {
                var granted = PartnerKeyGrant.Check(c.Requested, c.Held);
                return grantable && granted.ToHashSet().SetEquals(wanted) && granted.Count == wanted.Count;
            }
            catch (DomainException e)
            {
                return !grantable && e.Code is "invalid-scope" or "scope-not-grantable";
            }
        });

    [Fact]
    public void The_admin_scope_and_staff_scopes_are_never_grantable_even_to_whoever_holds_them()
    {
        string[] all = [.. KeyScopes.Partner, .. KeyScopes.Staff];
        Assert.Equal([KeyScopes.PartnerRead, KeyScopes.PartnerAcknowledge, KeyScopes.PartnerSightings], PartnerKeyGrant.Grantable(all));
        Assert.Equal("scope-not-grantable", Assert.Throws<DomainException>(() => PartnerKeyGrant.Check([KeyScopes.PartnerWebhooks], all)).Code);
        Assert.Equal("invalid-scope", Assert.Throws<DomainException>(() => PartnerKeyGrant.Check([KeyScopes.StaffRead], all)).Code);
        var lacking = Assert.Throws<DomainException>(() => PartnerKeyGrant.Check([KeyScopes.PartnerAcknowledge], [KeyScopes.PartnerRead, KeyScopes.PartnerWebhooks]));
        Assert.Equal(ErrorCategory.Forbidden, lacking.Category);
        Assert.Contains("do not hold", lacking.Message, StringComparison.Ordinal);
    }
}
