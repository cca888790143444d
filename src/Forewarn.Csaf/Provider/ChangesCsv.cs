using System.Text;
using Forewarn.Csaf.Mapping;

namespace Forewarn.Csaf.Provider;

/// <summary>changes.csv of the TLP:WHITE folder (CSAF 2.0 requirement 13).</summary>
public static class ChangesCsv
{
    /// <summary>
    /// One RFC 4180 record per document, no heading: the relative path and its
    /// <c>current_release_date</c>, written exactly as <see cref="CsafExport"/> writes it in the
    /// document (UTC, milliseconds), both quoted as in the CSAF 2.0 example
    /// (<c>"2026/fw-2026-1201.json","2026-03-01T10:09:07.000Z"</c>), latest first, each line ending
    /// in LF. Empty text when nothing is published.
    /// </summary>
    /// <exception cref="ArgumentException">Two documents share a path or a tracking id.</exception>
    public static string Build(IEnumerable<PublishedDocument> documents)
    {
        var text = new StringBuilder();
        foreach (var document in PublishedDocuments.NewestFirst(PublishedDocuments.Checked(documents)))
        {
            text.Append(Quoted(document.RelativePath))
                .Append(',')
                .Append(Quoted(CsafDates.Write(document.CurrentReleaseDate)))
                .Append('\n');
        }
        return text.ToString();
    }

    // File names cannot hold a quote (section 5.1), but the field stays valid CSV whatever it holds.
    private static string Quoted(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
