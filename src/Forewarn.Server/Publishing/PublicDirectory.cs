using Forewarn.Csaf.Provider;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Publishing;

/// <summary>
/// What the public CSAF directory holds at a moment: the latest version of each published
/// document whose release time has come. The time filter repeats what the scheduler already
/// guarantees, so that no stored row can ever show early.
/// </summary>
public sealed class PublicDirectory(ForewarnDb db)
{
    /// <summary>One listed document: what the listings need, without the bytes.</summary>
    public sealed record Listed(AdvisoryId AdvisoryId, int Version, PublishedDocument Document, DateTimeOffset PublishedAt);

    public async Task<IReadOnlyList<Listed>> ListAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Publications.AsNoTracking()
            .Where(p => p.InitialReleaseDate <= now && p.PublishedAt <= now)
            .Select(p => new
            {
                p.AdvisoryId, p.Version, p.TrackingId, p.Title, p.InitialReleaseDate, p.CurrentReleaseDate, p.Sha256, p.Sha512,
                p.PublishedAt,
            })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.AdvisoryId)
            .Select(g => g.MaxBy(r => r.Version)!)
            .Select(r => new Listed(r.AdvisoryId, r.Version,
                new PublishedDocument(r.TrackingId, r.Title, r.InitialReleaseDate, r.CurrentReleaseDate,
                    r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "final", r.Sha256, r.Sha512),
                r.PublishedAt))
            .OrderBy(l => l.Document.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>The latest public version stored under <paramref name="relativePath"/> (e.g. 2026/fw-2026-1201.json), if any.</summary>
    public async Task<Publication?> DocumentAsync(string relativePath, DateTimeOffset now, CancellationToken ct) =>
        await db.Publications.AsNoTracking()
            .Where(p => p.Path == relativePath && p.InitialReleaseDate <= now && p.PublishedAt <= now)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(ct);
}
