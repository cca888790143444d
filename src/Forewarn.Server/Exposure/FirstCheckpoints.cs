using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Exposure;

/// <summary>
/// For log indexes, the first signed checkpoint whose tree includes each (the smallest size
/// above the index): the checkpoints between the smallest and largest index are read once, as
/// sizes and times only, and each index is looked up among them.
/// </summary>
public static class FirstCheckpoints
{
    public static async Task<Func<long, CheckpointSeen?>> ForAsync(ForewarnDb db, IReadOnlyCollection<long> indexes, CancellationToken ct)
    {
        if (indexes.Count == 0) return _ => null;
        var low = indexes.Min();
        var high = indexes.Max();
        var last = await db.LogCheckpoints.Where(c => c.Size > high).MinAsync(c => (long?)c.Size, ct);
        if (last is null) return _ => null;
        var sizes = await db.LogCheckpoints.AsNoTracking().Where(c => c.Size > low && c.Size <= last)
            .OrderBy(c => c.Size).Select(c => new CheckpointSeen(c.Size, c.SignedAt)).ToListAsync(ct);
        return index =>
        {
            // The first checkpoint of size > index.
            int lo = 0, hi = sizes.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sizes[mid].Size > index) hi = mid;
                else lo = mid + 1;
            }
            return lo < sizes.Count ? sizes[lo] : null;
        };
    }
}
