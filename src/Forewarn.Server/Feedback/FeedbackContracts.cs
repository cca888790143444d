using Forewarn.Domain.Feedback;

namespace Forewarn.Server.Feedback;

/// <summary>Detection feedback on an artifact: <c>verdict</c> is false-positive, false-negative or works-as-intended; the note is optional (at most 2000 characters).</summary>
public sealed record FeedbackRequest(string? Verdict, string? Note);

/// <summary>One piece of detection feedback, with the names a reader needs beside the ids.</summary>
public sealed record FeedbackDto(
    Guid Id,
    Guid PartnerId,
    string Partner,
    Guid AdvisoryId,
    string Reference,
    Guid ArtifactId,
    string Artifact,
    string Verdict,
    string Note,
    string By,
    DateTimeOffset At)
{
    public static FeedbackDto From(DetectionFeedback f, string partner, string reference, string artifact) =>
        new(f.Id, f.PartnerId.Value, partner, f.AdvisoryId.Value, reference, f.ArtifactId.Value, artifact, f.Verdict.Name(), f.Note, f.By, f.At);
}
