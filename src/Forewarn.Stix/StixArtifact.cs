using Forewarn.Domain.Advisories;

namespace Forewarn.Stix;

/// <summary>
/// One artifact to map with its bytes. <paramref name="OpensAt"/> is when partners may first see
/// it (its wave); indicators take it as <c>valid_from</c>, or the advisory's creation when it is null.
/// </summary>
public sealed record StixArtifact(Artifact Artifact, ArtifactContent Content, DateTimeOffset? OpensAt = null);
