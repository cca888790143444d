using Forewarn.Domain.Common;

namespace Forewarn.Domain.Keys;

/// <summary>
/// Which scopes a partner's admin may put on a key for its own organisation: partner scopes the
/// admin holds, except the administrative scope (<see cref="KeyScopes.PartnerWebhooks"/>), so that
/// admin power stays with people the staff invited and keys the staff issued. Never a staff scope.
/// </summary>
public static class PartnerKeyGrant
{
    /// <summary>The scopes a holder of <paramref name="held"/> may grant, in the catalogue's order.</summary>
    public static IReadOnlyList<string> Grantable(IEnumerable<string> held)
    {
        var holds = held.ToHashSet(StringComparer.Ordinal);
        return [.. KeyScopes.Partner.Where(s => s != KeyScopes.PartnerWebhooks && holds.Contains(s))];
    }

    /// <summary>
    /// The requested scopes (trimmed, lower case, once each) when the holder of <paramref name="held"/>
    /// may grant every one of them; otherwise a refusal that names the scopes and why.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<string?>? requested, IEnumerable<string> held)
    {
        var holds = held.ToHashSet(StringComparer.Ordinal);
        var grantable = Grantable(holds);
        var wanted = (requested ?? []).Select(s => s?.Trim().ToLowerInvariant() ?? "").Where(s => s.Length > 0).Distinct().ToList();
        if (wanted.Count == 0)
            throw new DomainException("invalid-scope", $"Choose at least one scope for the key: {string.Join(", ", grantable)}.");
        var foreign = wanted.Where(s => !KeyScopes.Partner.Contains(s)).ToList();
        if (foreign.Count > 0)
            throw new DomainException("invalid-scope",
                $"A partner key cannot have scope {string.Join(", ", foreign)}; you may grant {string.Join(", ", grantable)}.");
        if (wanted.Contains(KeyScopes.PartnerWebhooks))
            throw new DomainException("scope-not-grantable",
                $"{KeyScopes.PartnerWebhooks} is your organisation's administrative scope: only the programme's staff issue keys with it.",
                ErrorCategory.Forbidden);
        var lacking = wanted.Where(s => !holds.Contains(s)).ToList();
        if (lacking.Count > 0)
            throw new DomainException("scope-not-grantable",
                $"You cannot grant {string.Join(", ", lacking)}: you do not hold it yourself.", ErrorCategory.Forbidden);
        return wanted;
    }
}
