using System.Text.RegularExpressions;

namespace Forewarn.Csaf.Provider;

/// <summary>
/// One CSAF document as it is served: the facts the provider files (index.txt, changes.csv, the
/// ROLIE feed) say about it. The server stores the exact bytes and their hashes; this record
/// carries what was read from those bytes.
/// </summary>
public sealed partial record PublishedDocument
{
    /// <summary>Creates the record; the hashes are the lower- or upper-case hex digests of the exact served bytes.</summary>
    /// <exception cref="ArgumentException">A text is empty or a hash is not hex of the right length.</exception>
    public PublishedDocument(
        string trackingId,
        string title,
        DateTimeOffset initialReleaseDate,
        DateTimeOffset currentReleaseDate,
        string version,
        string status,
        string sha256,
        string sha512)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        TrackingId = trackingId;
        Title = title;
        InitialReleaseDate = initialReleaseDate;
        CurrentReleaseDate = currentReleaseDate;
        Version = version;
        Status = status;
        Sha256 = Hex(sha256, 64, nameof(sha256));
        Sha512 = Hex(sha512, 128, nameof(sha512));
    }

    /// <summary><c>/document/tracking/id</c>; the ROLIE entry id.</summary>
    public string TrackingId { get; }

    /// <summary><c>/document/title</c>; the ROLIE entry title.</summary>
    public string Title { get; }

    /// <summary><c>/document/tracking/initial_release_date</c>; its UTC year names the folder (requirement 11).</summary>
    public DateTimeOffset InitialReleaseDate { get; }

    /// <summary><c>/document/tracking/current_release_date</c>; orders changes.csv and the feed.</summary>
    public DateTimeOffset CurrentReleaseDate { get; }

    /// <summary><c>/document/tracking/version</c>. Not written to any provider file; kept for the server.</summary>
    public string Version { get; }

    /// <summary><c>/document/tracking/status</c> (<c>final</c> or <c>interim</c> when published). Not written to any provider file.</summary>
    public string Status { get; }

    /// <summary>SHA-256 of the served bytes, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>SHA-512 of the served bytes, lower-case hex.</summary>
    public string Sha512 { get; }

    /// <summary>
    /// An optional one-line summary for the ROLIE entry, e.g. <c>CVE-2026-1234 · CVSS 9.8 critical</c>.
    /// Left out of the feed when empty.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>The file name by section 5.1, e.g. <c>fw-2026-1201.json</c>.</summary>
    public string FileName => CsafFileName.For(TrackingId);

    /// <summary>
    /// The path below the TLP:WHITE folder, e.g. <c>2026/fw-2026-1201.json</c>: the UTC year of the
    /// initial release date (as the BSI checker computes it), a slash, the file name.
    /// </summary>
    public string RelativePath => $"{InitialReleaseDate.UtcDateTime.Year:D4}/{FileName}";

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    private static string Hex(string value, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != length || !HexDigits().IsMatch(value))
        {
            throw new ArgumentException($"Expected {length} hex digits.", name);
        }
        return value.ToLowerInvariant();
    }
}
