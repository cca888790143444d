using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Feedback;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The entry of a partner's detection feedback: about that partner and the artifact, so it is among
/// the partner's own entries. The note is the partner's words for staff, not for the public log:
/// the entry carries only its SHA-256 (and its length), which proves what was sent without telling it.
/// </summary>
public static partial class LogEvents
{
    public static LogEvent FeedbackRecorded(DetectionFeedback feedback, string reference, Actor actor) =>
        LogEvent.Of(LogKinds.FeedbackRecorded, feedback.At, feedback.PartnerId.Value, feedback.ArtifactId.Value,
        [
            Field("feedback", feedback.Id.ToString()),
            Field("partner", feedback.PartnerId.Value.ToString()),
            Field("advisory", feedback.AdvisoryId.Value.ToString()),
            Field("reference", reference),
            Field("artifact", feedback.ArtifactId.Value.ToString()),
            Field("verdict", feedback.Verdict.Name()),
            Field("note_sha256", feedback.Note.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feedback.Note)))),
            Field("note_length", feedback.Note.Length),
            .. By(actor),
        ]);
}
