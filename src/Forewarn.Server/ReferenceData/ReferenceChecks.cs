using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.ReferenceData;

/// <summary>Checks that what a change names among the reference data (tiers, jurisdictions) exists.</summary>
public static class ReferenceChecks
{
    /// <summary>The tier's name as registered (any case given), or an unknown-tier refusal naming the tiers.</summary>
    public static async Task<string> TierAsync(ForewarnDb db, string? tier, CancellationToken ct)
    {
        var name = tier?.Trim() ?? "";
        var known = await db.Tiers.AsNoTracking().Select(t => t.Name).ToListAsync(ct);
        return known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
               ?? throw new DomainException("unknown-tier", $"'{tier}' is not a tier; the tiers are {string.Join(", ", known)}.");
    }

    /// <summary>The codes, upper-cased and without duplicates; each a registered jurisdiction or an assigned ISO 3166-1 code.</summary>
    public static async Task<List<string>> JurisdictionsAsync(ForewarnDb db, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(c => (c ?? "").Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var known = await db.Jurisdictions.AsNoTracking().Select(j => j.Code).ToListAsync(ct);
        var unknown = wanted.Where(w => !known.Contains(w) && !CountryCode.IsAssigned(w)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("unknown-jurisdiction",
                $"{string.Join(", ", unknown)} is neither a registered jurisdiction nor an ISO 3166-1 country code.");
        return wanted;
    }
}
