using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using static Forewarn.Csaf.Mapping.CsafProductTreeReader;

namespace Forewarn.Csaf.Mapping;

/// <summary>Notes and references as an import reads them.</summary>
internal static class CsafDocumentReader
{
    public static IReadOnlyList<AdvisoryNote> Notes(JsonNode? notes) =>
    [
        .. Items(notes)
            .Where(n => Text(n["text"]) is not null)
            .Select(n => new AdvisoryNote(Text(n["category"]) ?? "other", Text(n["title"]), Text(n["text"])!)),
    ];

    /// <summary>Adds a reference unless its URL is already there; one Forewarn cannot hold (not http or https) is counted.</summary>
    public static void AddReference(JsonNode reference, List<AdvisoryReference> references, CsafNotHeld notHeld)
    {
        var url = Text(reference["url"]);
        if (url is null || references.Any(r => r.Url == url)) return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            notHeld.Count("reference whose URL is not http(s)", "references whose URLs are not http(s)", "not held");
            return;
        }
        references.Add(new AdvisoryReference(url, Text(reference["summary"]) ?? url, Text(reference["category"]) ?? "external"));
    }
}
