using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Forewarn.Transparency.Entries;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Exposure;

/// <summary>The first copy of one class served to one partner by T (its log index and entry), and how many were.</summary>
public sealed class FirstServed(long index, ServedEntry copy)
{
    public long Index { get; private set; } = index;
    public ServedEntry Copy { get; private set; } = copy;
    public int Count { get; private set; } = 1;

    /// <summary>Counts another copy; it becomes the first if it is earlier (by time, then by log index).</summary>
    public void Add(long index, ServedEntry copy)
    {
        Count++;
        if (copy.At > Copy.At || (copy.At == Copy.At && index > Index)) return;
        Index = index;
        Copy = copy;
    }
}

/// <summary>
/// The copies of an advisory's artifacts the log shows served by T, per partner and class, read
/// in one pass over the <c>content.served</c> entries of those artifacts (the store's index on
/// artifact and kind finds them; everything else — time, partner, artifact, copy — is read from
/// the entry's body, which the tree covers).
/// </summary>
public static class ServedByThen
{
    public static async Task<Dictionary<(PartnerId Partner, ContentClass Class), FirstServed>> ReadAsync(ForewarnDb db,
        IReadOnlyDictionary<ArtifactId, ContentClass> artifacts, DateTimeOffset before, long logSize, CancellationToken ct)
    {
        var first = new Dictionary<(PartnerId, ContentClass), FirstServed>();
        if (artifacts.Count == 0 || logSize == 0) return first;
        var ids = artifacts.Keys.Select(a => (Guid?)a.Value).ToList();
        var notAfter = Encoding.UTF8.GetBytes(LogEvent.Time(before));
        var rows = db.LogEntries.AsNoTracking()
            .Where(e => e.Kind == LogKinds.ContentServed && ids.Contains(e.ArtifactId) && e.Index < logSize)
            .Select(e => new { e.Index, e.Body })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (LogEvents.ReadServed(row.Body, notAfter) is not { } copy || !artifacts.TryGetValue(copy.Artifact, out var cls)) continue;
            var key = (copy.Partner, cls);
            if (first.TryGetValue(key, out var seen)) seen.Add(row.Index, copy);
            else first[key] = new FirstServed(row.Index, copy);
        }
        return first;
    }
}
