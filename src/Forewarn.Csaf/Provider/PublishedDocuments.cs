namespace Forewarn.Csaf.Provider;

/// <summary>
/// The checks and orders every provider file shares, so index.txt, changes.csv and the feed
/// always list the same documents.
/// </summary>
internal static class PublishedDocuments
{
    /// <summary>The documents, refusing two that would be served under one path or share a tracking id.</summary>
    public static IReadOnlyList<PublishedDocument> Checked(IEnumerable<PublishedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var list = documents.ToList();
        if (list.Any(d => d is null))
        {
            throw new ArgumentException("The list of published documents contains null.", nameof(documents));
        }
        ThrowOnDuplicate(list, d => d.RelativePath, "path");
        ThrowOnDuplicate(list, d => d.TrackingId, "tracking id");
        return list;
    }

    /// <summary>Latest <c>current_release_date</c> first; ties by path, so the order never depends on the input's.</summary>
    public static IEnumerable<PublishedDocument> NewestFirst(IEnumerable<PublishedDocument> documents) =>
        documents
            .OrderByDescending(d => d.CurrentReleaseDate.UtcDateTime)
            .ThenBy(d => d.RelativePath, StringComparer.Ordinal);

    private static void ThrowOnDuplicate(List<PublishedDocument> list, Func<PublishedDocument, string> key, string what)
    {
        var duplicate = list.GroupBy(key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two published documents share the {what} '{duplicate.Key}'.", "documents");
        }
    }
}
