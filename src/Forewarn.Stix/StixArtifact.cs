using Forewarn.Domain.Advisories;

namespace Forewarn.Stix;

/// <summary>
/// One artifact to map with its bytes. <paramref name="OpensAt"/> is when partners may first see
/// it (its wave); indicators take it as <c>valid_from</c>, or the advisory's creation when it is null.
/// <paramref name="Fingerprinted"/>: every recipient gets its own marked copy of this artifact, so its
/// text is never carried in STIX (one text for all would be an untraceable copy) — the object says
/// where each partner fetches its own; indicators drawn from it are exact and still travel.
/// </summary>
public sealed record StixArtifact(Artifact Artifact, ArtifactContent Content, DateTimeOffset? OpensAt = null, bool Fingerprinted = false);
