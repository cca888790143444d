using System.Text.Json;
using Forewarn.Csaf.Mapping;

namespace Forewarn.Csaf.Provider;

/// <summary>
/// provider-metadata.json (CSAF 2.0 requirement 7), served at
/// <c>{base}/.well-known/csaf/provider-metadata.json</c> (requirement 9).
/// </summary>
public static class ProviderMetadata
{
    /// <summary>
    /// The role claimed. A CSAF trusted provider (section 7.2.3) meets requirements 1–7, one of
    /// 8–10, 11–14 or 15–17, and 18–20. The files built here cover 2, 7, 11–13, 15 and 18–20
    /// (16 and 17 are optional); the server must cover the rest (see <see cref="Build"/>).
    /// </summary>
    public const string Role = "csaf_trusted_provider";

    private static readonly string[] PublisherCategories = ["coordinator", "discoverer", "other", "translator", "user", "vendor"];

    /// <summary>
    /// The file text: canonical URL, two distributions (the TLP:WHITE <c>directory_url</c> for
    /// index.txt and changes.csv, and the TLP:WHITE ROLIE feed), the public OpenPGP keys with their
    /// URLs under <c>openpgp/</c>, the publisher (pass the one the documents are exported with, so
    /// they match as requirement 7 asks) and the role <see cref="Role"/>. Properties are
    /// written in alphabetical order, as in the standard's example.
    /// </summary>
    /// <remarks>
    /// For the claimed role the server must also: serve everything over HTTPS only (3), keep
    /// TLP:WHITE freely accessible (4), not redirect (6), serve this file at the well-known URL (9)
    /// and preferably list it in security.txt (8, <see cref="ProviderLayout.SecurityTxtLine"/>),
    /// enable directory listings of <c>white/</c> and the year folders (14), and serve each
    /// document's <c>.sha256</c>, <c>.sha512</c> and <c>.asc</c> and the public keys (18–20).
    /// Valid documents (1) are the validator's job.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// No fingerprint, a malformed fingerprint, or a publisher without category (from the CSAF
    /// list), name or namespace.
    /// </exception>
    public static string Build(
        ProviderLayout layout,
        CsafPublisher publisher,
        IEnumerable<string> openPgpFingerprints,
        DateTimeOffset lastUpdated,
        bool listOnCsafAggregators = true,
        bool mirrorOnCsafAggregators = true)
    {
        ArgumentNullException.ThrowIfNull(layout);
        CheckPublisher(publisher);
        ArgumentNullException.ThrowIfNull(openPgpFingerprints);
        var fingerprints = openPgpFingerprints.Select(OpenPgpFingerprint.Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (fingerprints.Count == 0)
        {
            throw new ArgumentException("A trusted provider lists the key its signatures verify with (requirement 20).", nameof(openPgpFingerprints));
        }

        return ProviderJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("canonical_url", layout.ProviderMetadataUrl);
            WriteDistributions(json, layout, publisher);
            json.WriteString("last_updated", CsafDates.Write(lastUpdated));
            json.WriteBoolean("list_on_CSAF_aggregators", listOnCsafAggregators);
            json.WriteString("metadata_version", "2.0");
            json.WriteBoolean("mirror_on_CSAF_aggregators", mirrorOnCsafAggregators);
            json.WriteStartArray("public_openpgp_keys");
            foreach (var fingerprint in fingerprints)
            {
                json.WriteStartObject();
                json.WriteString("fingerprint", fingerprint);
                json.WriteString("url", layout.PublicKeyUrl(fingerprint));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WritePublisher(json, publisher);
            json.WriteString("role", Role);
            json.WriteEndObject();
        });
    }

    private static void WriteDistributions(Utf8JsonWriter json, ProviderLayout layout, CsafPublisher publisher)
    {
        json.WriteStartArray("distributions");
        json.WriteStartObject();
        json.WriteString("directory_url", layout.WhiteFolderUrl);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteStartObject("rolie");
        json.WriteStartArray("feeds");
        json.WriteStartObject();
        json.WriteString("summary", $"All TLP:WHITE advisories of {publisher.Name}.");
        json.WriteString("tlp_label", "WHITE");
        json.WriteString("url", layout.WhiteFeedUrl);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePublisher(Utf8JsonWriter json, CsafPublisher publisher)
    {
        json.WriteStartObject("publisher");
        json.WriteString("category", publisher.Category);
        if (!string.IsNullOrWhiteSpace(publisher.ContactDetails))
        {
            json.WriteString("contact_details", publisher.ContactDetails.Trim());
        }
        if (!string.IsNullOrWhiteSpace(publisher.IssuingAuthority))
        {
            json.WriteString("issuing_authority", publisher.IssuingAuthority.Trim());
        }
        json.WriteString("name", publisher.Name);
        json.WriteString("namespace", publisher.Namespace);
        json.WriteEndObject();
    }

    private static void CheckPublisher(CsafPublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        if (!PublisherCategories.Contains(publisher.Category, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The publisher category must be one of {string.Join(", ", PublisherCategories)}.", nameof(publisher));
        }
        if (string.IsNullOrWhiteSpace(publisher.Name))
        {
            throw new ArgumentException("The publisher needs a name.", nameof(publisher));
        }
        if (!Uri.TryCreate(publisher.Namespace, UriKind.Absolute, out _))
        {
            throw new ArgumentException("The publisher namespace must be an absolute URL.", nameof(publisher));
        }
    }
}
