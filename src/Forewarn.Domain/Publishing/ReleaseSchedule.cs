using Forewarn.Domain.Advisories;

namespace Forewarn.Domain.Publishing;

/// <summary>
/// When an advisory's public document is due, and which version. The public document exists
/// from the coordinated release time on; each revision after release makes a new version.
/// An advisory withdrawn before its release time is never published.
/// </summary>
public static class ReleaseSchedule
{
    /// <summary>
    /// The public document version the advisory should have at <paramref name="at"/>: 0 when
    /// nothing may be public yet (draft, not yet released, or withdrawn before release).
    /// </summary>
    public static int PublicVersionAt(Advisory advisory, DateTimeOffset at)
    {
        if (advisory.ScheduledAt is not { } scheduled || scheduled > at) return 0;
        if (at < advisory.ReleaseAt) return 0;
        // A withdrawal stops the release only if it comes before it: at the release time itself, the release has happened.
        if (advisory.WithdrawnAt is { } w && w < advisory.ReleaseAt) return 0;
        return 1 + PublicRevisions(advisory, at).Count;
    }

    /// <summary>The revisions made after release up to <paramref name="at"/>: versions 2, 3, … of the public document.</summary>
    public static IReadOnlyList<Revision> PublicRevisions(Advisory advisory, DateTimeOffset at) =>
        [.. advisory.Revisions.Where(r => r.At > advisory.ReleaseAt && r.At <= at).OrderBy(r => r.At).ThenBy(r => r.Number)];

    /// <summary>
    /// Whether the advisory needs a publication at <paramref name="at"/>, given the latest version
    /// already published (0 for none).
    /// </summary>
    public static bool IsDue(Advisory advisory, int publishedVersion, DateTimeOffset at) =>
        PublicVersionAt(advisory, at) > publishedVersion;

    /// <summary>The next coordinated release time after <paramref name="at"/> among scheduled advisories, if any.</summary>
    public static DateTimeOffset? NextReleaseAfter(IEnumerable<Advisory> advisories, DateTimeOffset at) =>
        advisories.Where(a => a.ScheduledAt is not null && a.WithdrawnAt is null && a.ReleaseAt > at)
            .Select(a => (DateTimeOffset?)a.ReleaseAt).Min();
}
