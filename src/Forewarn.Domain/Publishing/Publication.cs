using Forewarn.Domain.Common;

namespace Forewarn.Domain.Publishing;

/// <summary>
/// One version of an advisory's public CSAF document as it was published: the exact bytes,
/// their hashes and the OpenPGP signature, so the provider directory serves what was signed.
/// (advisory, version) is unique in the store: that is what makes each release happen once.
/// </summary>
public sealed class Publication
{
    private Publication() { }

    public Guid Id { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public string TrackingId { get; private set; } = "";
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Path below the TLP:WHITE folder, e.g. <c>2026/fw-2026-1201.json</c>.</summary>
    public string Path { get; private set; } = "";
    public byte[] Document { get; private set; } = [];
    public string Sha256 { get; private set; } = "";
    public string Sha512 { get; private set; } = "";
    /// <summary>ASCII-armoured detached OpenPGP signature of <see cref="Document"/>.</summary>
    public string Signature { get; private set; } = "";
    public DateTimeOffset InitialReleaseDate { get; private set; }
    public DateTimeOffset CurrentReleaseDate { get; private set; }
    /// <summary>When the server wrote it (at or after <see cref="CurrentReleaseDate"/>).</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    public static Publication Of(AdvisoryId advisory, string trackingId, int version, string title, string path,
        byte[] document, string sha256, string sha512, string signature,
        DateTimeOffset initialReleaseDate, DateTimeOffset currentReleaseDate, DateTimeOffset publishedAt)
    {
        if (version < 1) throw new DomainException("invalid-version", "A publication's version starts at 1.");
        if (publishedAt < initialReleaseDate)
            throw new DomainException("published-early", $"{trackingId} cannot be published before its release time.");
        return new Publication
        {
            Id = Guid.CreateVersion7(publishedAt),
            AdvisoryId = advisory,
            TrackingId = trackingId,
            Version = version,
            Title = title,
            Path = path,
            Document = document,
            Sha256 = sha256,
            Sha512 = sha512,
            Signature = signature,
            InitialReleaseDate = initialReleaseDate,
            CurrentReleaseDate = currentReleaseDate,
            PublishedAt = publishedAt,
        };
    }
}
