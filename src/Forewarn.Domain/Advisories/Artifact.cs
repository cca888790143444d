using System.Security.Cryptography;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>
/// A piece of content of an advisory with its content class and TLP label. The bytes live
/// apart (<see cref="ArtifactContent"/>) so lists never load them.
/// </summary>
public sealed class Artifact
{
    private Artifact() { }

    public ArtifactId Id { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public string Title { get; private set; } = "";
    public ContentClass Class { get; private set; }
    public TlpLabel Tlp { get; private set; }
    public string MediaType { get; private set; } = "text/plain";
    public string? FileName { get; private set; }
    public long Size { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The generation of fingerprint mark finders this artifact's copies are made with, fixed when
    /// it is created: a copy served once must regenerate byte for byte (its access record keeps the
    /// copy's SHA-256), so finders added later reach only artifacts added after them. Artifacts
    /// stored before versions existed are version 1.
    /// </summary>
    public int MarkerVersion { get; private set; } = LatestMarkerVersion;

    /// <summary>The marker version new artifacts get (the tracing library's current one; a test keeps the two equal).</summary>
    public const int LatestMarkerVersion = 2;

    /// <summary>Largest content accepted: 10 MiB.</summary>
    public const int MaxContentBytes = 10 * 1024 * 1024;

    public static (Artifact Artifact, ArtifactContent Content) Create(
        Advisory advisory, string? title, ContentClass cls, TlpLabel tlp, string? mediaType, string? fileName,
        byte[] content, DateTimeOffset at)
    {
        if (advisory.IsWithdrawnAt(at))
            throw new ConflictException("advisory-withdrawn", $"{advisory.Reference} was withdrawn; no content can be added.");
        if (content.Length == 0)
            throw new DomainException("empty-content", "An artifact needs content: the text or file was empty.");
        if (content.Length > MaxContentBytes)
            throw new DomainException("content-too-large", $"An artifact may hold at most {MaxContentBytes / (1024 * 1024)} MiB.");
        var media = ContentLabels.MediaType(mediaType);
        var name = ContentLabels.FileName(fileName);
        var artifact = new Artifact
        {
            Id = ArtifactId.New(),
            AdvisoryId = advisory.Id,
            Title = TextRules.Required(title, "artifact title", 300),
            Class = cls,
            Tlp = tlp,
            MediaType = media,
            FileName = name,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedAt = at,
        };
        return (artifact, new ArtifactContent(artifact.Id, content));
    }
}

/// <summary>The bytes of an artifact.</summary>
public sealed record ArtifactContent(ArtifactId ArtifactId, byte[] Bytes);
