using System.Text;

namespace Forewarn.Csaf.Provider;

/// <summary>index.txt of the TLP:WHITE folder (CSAF 2.0 requirement 12).</summary>
public static class IndexTxt
{
    /// <summary>
    /// One line per document with its path relative to the folder (<c>2026/fw-2026-1201.json</c>),
    /// each ending in LF, in ordinal path order so the file only changes when the set does.
    /// Empty text when nothing is published.
    /// </summary>
    /// <exception cref="ArgumentException">Two documents share a path or a tracking id.</exception>
    public static string Build(IEnumerable<PublishedDocument> documents)
    {
        var text = new StringBuilder();
        foreach (var path in PublishedDocuments.Checked(documents).Select(d => d.RelativePath).Order(StringComparer.Ordinal))
        {
            text.Append(path).Append('\n');
        }
        return text.ToString();
    }
}
