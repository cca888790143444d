using Forewarn.Domain.Common;

namespace Forewarn.Domain.Feedback;

/// <summary>
/// A partner's word on how an artifact worked for it — a false positive, a false negative, or
/// works as intended — with a note. Kept as sent, never changed: a later view is a new record.
/// The note is the partner's own text for the programme's staff; the transparency log carries
/// only its SHA-256.
/// </summary>
public sealed class DetectionFeedback
{
    /// <summary>The longest note, in characters.</summary>
    public const int MaxNote = 2000;

    private DetectionFeedback() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public ArtifactId ArtifactId { get; private set; }
    public FeedbackVerdict Verdict { get; private set; }
    public string Note { get; private set; } = "";

    /// <summary>Who sent it, as histories name them: a key's holder, or a portal user by id (never an e-mail address).</summary>
    public string By { get; private set; } = "";

    /// <summary>The key it was sent with; null from the portal.</summary>
    public Guid? KeyId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A new piece of feedback; the note is optional prose of at most <see cref="MaxNote"/> characters.</summary>
    public static DetectionFeedback Of(PartnerId partner, AdvisoryId advisory, ArtifactId artifact, FeedbackVerdict verdict, string? note,
        string by, Guid? keyId, DateTimeOffset at)
    {
        if (!Enum.IsDefined(verdict)) throw new InvalidFieldException("verdict", "The verdict is not one of false-positive, false-negative, works-as-intended.");
        return new()
        {
            Id = Guid.CreateVersion7(),
            PartnerId = partner,
            AdvisoryId = advisory,
            ArtifactId = artifact,
            Verdict = verdict,
            Note = TextRules.Optional(note, "note", MaxNote),
            By = TextRules.Required(by, "sender", 200),
            KeyId = keyId,
            At = at,
        };
    }
}
