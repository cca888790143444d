namespace Forewarn.Server.Publishing;

/// <summary>
/// Who publishes the programme's CSAF documents and where the provider directory lives.
/// Section <c>csaf</c> of the configuration, e.g. <c>FOREWARN_CSAF__PUBLISHERNAME</c>,
/// <c>FOREWARN_CSAF__PUBLICURL=https://psirt.example.com</c>.
/// </summary>
public sealed record CsafSettings(
    string PublisherName,
    string PublisherNamespace,
    string ContactDetails,
    string IssuingAuthority,
    string? PublicUrl,
    TimeSpan PollInterval,
    bool SchedulerOn = true)
{
    public static CsafSettings Read(IConfiguration config)
    {
        var c = config.GetSection("csaf");
        var poll = double.TryParse(c["pollSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;
        var url = c["publicUrl"];
        return new CsafSettings(
            Or(c["publisherName"], "Halcyon Software"),
            Or(c["publisherNamespace"], "https://halcyon.example"),
            Or(c["contactDetails"], "psirt@halcyon.example"),
            Or(c["issuingAuthority"], "Halcyon Software PSIRT, coordinating its early warning programme (Forewarn)."),
            string.IsNullOrWhiteSpace(url) ? null : url.TrimEnd('/'),
            TimeSpan.FromSeconds(poll),
            !string.Equals(c["scheduler"], "off", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The public base URL: configured, or else the one the request came in on.</summary>
    public string BaseUrl(HttpRequest request) => PublicUrl ?? $"{request.Scheme}://{request.Host}";

    /// <summary>The OpenPGP user id of the programme's signing key.</summary>
    public string SigningIdentity => $"{PublisherName} CSAF signing <{ContactDetails}>";

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
