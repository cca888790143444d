using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

/// <summary>A small published set shared by the provider file tests.</summary>
internal static class Sample
{
    public const string BaseUrl = "https://psirt.halcyon.example";

    public static readonly ProviderLayout Layout = new(BaseUrl);

    public static readonly CsafPublisher Publisher = new(
        "Halcyon Software PSIRT",
        "https://halcyon.example",
        "vendor",
        "psirt@halcyon.example, https://halcyon.example/security",
        "Halcyon Software publishes advisories for its own products.");

    public const string Fingerprint = "8F5F267907B2C4559DB360DB2294BA7D2B2298B1";

    public static PublishedDocument Document(string trackingId, string initial, string current, string? summary = null) =>
        new(trackingId, $"Advisory {trackingId}", DateTimeOffset.Parse(initial, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(current, System.Globalization.CultureInfo.InvariantCulture), "1.0.0", "final",
            new string('a', 64), new string('b', 128))
        { Summary = summary };

    /// <summary>Three documents in two years; the oldest was updated last.</summary>
    public static IReadOnlyList<PublishedDocument> Documents { get; } =
    [
        Document("FW-2026-1201", "2026-02-10T08:00:00Z", "2026-02-10T08:00:00Z", "CVE-2026-1201 · CVSS 9.8 critical"),
        Document("FW-2025-0917", "2025-09-17T12:30:00Z", "2026-03-01T10:09:07Z", "CVE-2025-0917 · CVSS 5.3 medium"),
        Document("FW-2026-1105", "2026-01-05T23:59:59+00:00", "2026-01-06T07:00:00Z"),
    ];
}
