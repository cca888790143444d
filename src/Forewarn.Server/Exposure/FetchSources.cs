using Forewarn.Domain.Signals.Countries;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Exposure;

/// <summary>
/// Where the fetches an exposure report shows came from: the store's source rows of those log
/// entries (by index, a few hundred at a time). For staff only — the log itself holds only each
/// address's salted hash.
/// </summary>
public static class FetchSources
{
    private const int Chunk = 500;

    /// <summary>The sources of the entries at <paramref name="indexes"/>; with <paramref name="countries"/>, each address's country too.</summary>
    public static async Task<Dictionary<long, FetchSource>> ForAsync(ForewarnDb db, IReadOnlyCollection<long> indexes, CountryTable? countries, CancellationToken ct)
    {
        var found = new Dictionary<long, FetchSource>(indexes.Count);
        foreach (var chunk in indexes.Distinct().Chunk(Chunk))
        {
            var rows = await db.RequestSources.AsNoTracking().Where(s => chunk.Contains(s.LogIndex))
                .Select(s => new { s.LogIndex, s.Address, s.Network }).ToListAsync(ct);
            foreach (var r in rows) found[r.LogIndex] = new FetchSource(r.Address, r.Network, countries?.CountryOf(r.Address));
        }
        return found;
    }
}
