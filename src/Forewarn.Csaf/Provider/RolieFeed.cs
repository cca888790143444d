using System.Text.Json;
using Forewarn.Csaf.Mapping;

namespace Forewarn.Csaf.Provider;

/// <summary>
/// The TLP:WHITE ROLIE feed (CSAF 2.0 requirement 15, RFC 8322 in JSON), shaped like the
/// standard's example: every entry links the document (<c>self</c>), its two hash files
/// (<c>hash</c>, requirement 18) and its signature (<c>signature</c>, requirement 19).
/// </summary>
public static class RolieFeed
{
    /// <summary>The feed id, stable for the life of the provider.</summary>
    public const string WhiteFeedId = "csaf-feed-tlp-white";

    /// <summary>The CSAF 2.0 schema URL the entries name in <c>format.schema</c>.</summary>
    public const string CsafSchemaUrl = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";

    private const string InformationTypeScheme = "urn:ietf:params:rolie:category:information-type";

    /// <summary>
    /// The feed text. Entries are newest first (by <c>current_release_date</c>, ties by path);
    /// <c>published</c> is the initial and <c>updated</c> the current release date.
    /// <paramref name="updated"/> is the feed's own <c>updated</c>: pass the time of the latest
    /// change (the newest current release date, or the moment a document was withdrawn).
    /// </summary>
    /// <remarks>
    /// With no documents the feed has <c>"entry": []</c>, as the reference provider writes it;
    /// the ROLIE schema the BSI checker applies wants at least one entry and reports an empty feed.
    /// </remarks>
    /// <exception cref="ArgumentException">Two documents share a path or a tracking id, or the publisher name is empty.</exception>
    public static string Build(ProviderLayout layout, string publisherName, IEnumerable<PublishedDocument> documents, DateTimeOffset updated)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrWhiteSpace(publisherName);
        var entries = PublishedDocuments.NewestFirst(PublishedDocuments.Checked(documents)).ToList();
        return ProviderJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("feed");
            json.WriteString("id", WhiteFeedId);
            json.WriteString("title", $"{publisherName} CSAF feed (TLP:WHITE)");
            json.WriteStartArray("link");
            WriteLink(json, "self", layout.WhiteFeedUrl);
            json.WriteEndArray();
            json.WriteStartArray("category");
            json.WriteStartObject();
            json.WriteString("scheme", InformationTypeScheme);
            json.WriteString("term", "csaf");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("updated", CsafDates.Write(updated));
            json.WriteStartArray("entry");
            foreach (var document in entries)
            {
                WriteEntry(json, document, layout.DocumentUrl(document));
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void WriteEntry(Utf8JsonWriter json, PublishedDocument document, string url)
    {
        json.WriteStartObject();
        json.WriteString("id", document.TrackingId);
        json.WriteString("title", document.Title);
        json.WriteStartArray("link");
        WriteLink(json, "self", url);
        WriteLink(json, "hash", url + HashFile.Sha256Extension);
        WriteLink(json, "hash", url + HashFile.Sha512Extension);
        WriteLink(json, "signature", url + HashFile.SignatureExtension);
        json.WriteEndArray();
        json.WriteString("published", CsafDates.Write(document.InitialReleaseDate));
        json.WriteString("updated", CsafDates.Write(document.CurrentReleaseDate));
        if (!string.IsNullOrWhiteSpace(document.Summary))
        {
            json.WriteStartObject("summary");
            json.WriteString("content", document.Summary);
            json.WriteEndObject();
        }
        json.WriteStartObject("content");
        json.WriteString("type", "application/json");
        json.WriteString("src", url);
        json.WriteEndObject();
        json.WriteStartObject("format");
        json.WriteString("schema", CsafSchemaUrl);
        json.WriteString("version", "2.0");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter json, string rel, string href)
    {
        json.WriteStartObject();
        json.WriteString("rel", rel);
        json.WriteString("href", href);
        json.WriteEndObject();
    }
}
