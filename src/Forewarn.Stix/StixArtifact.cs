using Forewarn.Domain.Advisories;

namespace Forewarn.Stix;

/// <summary>
/// One artifact to map with its bytes. <paramref name="OpensAt"/> is when partners may first see
/// it (its wave); indicators take it as <c>valid_from</c>, or the advisory's creation when it is null.
/// <paramref name="Fingerprinted"/>: every recipient gets its own marked copy of this artifact, so its
/// text is never carried in the shared objects (one text for all would be an untraceable copy) — the
/// object says where each partner fetches its own; indicators drawn from it are exact and still travel.
/// Each recipient's own copy travels in an object of its own (<see cref="StixCopies"/>) unless
/// <see cref="CopyTravels"/> is false.
/// </summary>
public sealed record StixArtifact(Artifact Artifact, ArtifactContent Content, DateTimeOffset? OpensAt = null, bool Fingerprinted = false)
{
    /// <summary>
    /// Whether a fingerprinted artifact's text may travel in STIX as each recipient's own copy; when
    /// false (a PoC too large to carry in a TAXII answer, say) its object only points to the copy.
    /// </summary>
    public bool CopyTravels { get; init; } = true;
}
