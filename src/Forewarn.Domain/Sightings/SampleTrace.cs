namespace Forewarn.Domain.Sightings;

/// <summary>A partner a trace named, with its score against the copy.</summary>
public sealed record TracedPartner(Guid PartnerId, string Name, double Score);

/// <summary>
/// A sample traced against one fingerprinted artifact: how many of the artifact's marks the sample
/// read, the score a partner had to pass (null when no mark was read), whom it named, and the verdict.
/// </summary>
public sealed record ArtifactTrace(
    Guid ArtifactId,
    string Title,
    string Method,
    int Sites,
    int MarksRead,
    double Epsilon,
    double? Threshold,
    IReadOnlyList<TracedPartner> Accused,
    string Verdict);

/// <summary>
/// Evidence kept with a sample (of a sighting, or of a case): the sample traced against every
/// fingerprinted artifact of its advisory when it was recorded, and whom that named across them.
/// It is kept as it was found; a later trace is another piece of evidence, never an edit of this one.
/// </summary>
public sealed record SampleTrace(DateTimeOffset At, IReadOnlyList<ArtifactTrace> Artifacts, IReadOnlyList<TracedPartner> Accused, string Verdict)
{
    /// <summary>
    /// The sample traced against all the advisory's fingerprinted artifacts together — one code
    /// across the advisory, a score summed over every mark read — which names colluders who mixed
    /// several artifacts or several partners' copies when no single artifact can. Null in evidence
    /// recorded before advisory-wide tracing.
    /// </summary>
    public ArtifactTrace? Combined { get; init; }
}
