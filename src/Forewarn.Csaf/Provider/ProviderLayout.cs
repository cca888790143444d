namespace Forewarn.Csaf.Provider;

/// <summary>
/// Where each provider file lives, below <c>{base}/.well-known/csaf/</c> (requirement 9):
/// <code>
/// provider-metadata.json
/// openpgp/{FINGERPRINT}.asc
/// white/csaf-feed-tlp-white.json
/// white/index.txt
/// white/changes.csv
/// white/{yyyy}/{name}.json (+ .sha256, .sha512, .asc)
/// </code>
/// The same layout as the BSI's reference provider (gocsaf), so its checker finds everything.
/// </summary>
/// <remarks>
/// CSAF 2.0 requires HTTPS (requirements 3, 9, 10). With an <c>http</c> base (local development)
/// the files are built all the same and provider-metadata.json still passes the provider schema,
/// which only asks for a URI; but a checker reports the missing TLS, and the ROLIE feed schema the
/// checkers use demands <c>https://</c> links.
/// </remarks>
public sealed class ProviderLayout
{
    /// <summary>The path of the provider folder below the host.</summary>
    public const string WellKnownPath = "/.well-known/csaf";

    /// <summary>The folder (below <see cref="WellKnownPath"/>) of the TLP:WHITE documents and their indexes.</summary>
    public const string WhiteFolder = "white";

    /// <summary>The file name of the TLP:WHITE ROLIE feed inside <see cref="WhiteFolder"/>.</summary>
    public const string WhiteFeedFileName = "csaf-feed-tlp-white.json";

    /// <summary>The folder (below <see cref="WellKnownPath"/>) of the public OpenPGP keys.</summary>
    public const string OpenPgpFolder = "openpgp";

    /// <summary>Creates the layout for a site root such as <c>https://psirt.halcyon.example</c> (a trailing slash is ignored).</summary>
    /// <exception cref="ArgumentException">Not an absolute http(s) URL, or it has a query or fragment.</exception>
    public ProviderLayout(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new ArgumentException("The base URL must be an absolute http or https URL without query, fragment or user.", nameof(baseUrl));
        }
        BaseUrl = baseUrl.TrimEnd('/');
        UsesHttps = uri.Scheme == Uri.UriSchemeHttps;
    }

    /// <summary>The site root without trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Whether the base is HTTPS, as CSAF 2.0 requires outside development.</summary>
    public bool UsesHttps { get; }

    /// <summary><c>{base}/.well-known/csaf</c>.</summary>
    public string ProviderFolderUrl => BaseUrl + WellKnownPath;

    /// <summary>The canonical URL of provider-metadata.json.</summary>
    public string ProviderMetadataUrl => $"{ProviderFolderUrl}/provider-metadata.json";

    /// <summary>The <c>directory_url</c> of the TLP:WHITE folder (no trailing slash).</summary>
    public string WhiteFolderUrl => $"{ProviderFolderUrl}/{WhiteFolder}";

    /// <summary>The URL of the TLP:WHITE ROLIE feed.</summary>
    public string WhiteFeedUrl => $"{WhiteFolderUrl}/{WhiteFeedFileName}";

    /// <summary>The URL of index.txt.</summary>
    public string IndexUrl => $"{WhiteFolderUrl}/index.txt";

    /// <summary>The URL of changes.csv.</summary>
    public string ChangesUrl => $"{WhiteFolderUrl}/changes.csv";

    /// <summary>The <c>CSAF:</c> line for security.txt (requirement 8; it must be the first CSAF line there).</summary>
    public string SecurityTxtLine => $"CSAF: {ProviderMetadataUrl}";

    /// <summary>The URL of the document's JSON file.</summary>
    public string DocumentUrl(PublishedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"{WhiteFolderUrl}/{document.RelativePath}";
    }

    /// <summary>The path of the armored public key below <see cref="WellKnownPath"/>, e.g. <c>openpgp/8F5F…98B1.asc</c>.</summary>
    public static string PublicKeyPath(string fingerprint) => $"{OpenPgpFolder}/{OpenPgpFingerprint.Normalize(fingerprint)}.asc";

    /// <summary>The URL of the armored public key with <paramref name="fingerprint"/>.</summary>
    public string PublicKeyUrl(string fingerprint) => $"{ProviderFolderUrl}/{PublicKeyPath(fingerprint)}";
}
