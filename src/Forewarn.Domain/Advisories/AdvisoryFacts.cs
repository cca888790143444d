namespace Forewarn.Domain.Advisories;

/// <summary>
/// What the policy reads about an advisory: when it is released, and whether (since when) it is
/// scheduled or withdrawn. A moved release overwrites the advisory's release time; these are
/// kept with a valid-from time so a past decision reads the release time known then.
/// </summary>
public sealed record AdvisoryFacts(DateTimeOffset ReleaseAt, DateTimeOffset? ScheduledAt, DateTimeOffset? WithdrawnAt);

/// <summary>What the policy reads about a wave: which artifacts it publishes and when. A cancelled wave is kept as it was.</summary>
public sealed record WaveFacts(Common.AdvisoryId AdvisoryId, int Number, WaveKind Kind, DateTimeOffset At, IReadOnlyList<Common.ArtifactId> ArtifactIds);
