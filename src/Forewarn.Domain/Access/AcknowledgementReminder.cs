using Forewarn.Domain.Common;

namespace Forewarn.Domain.Access;

/// <summary>
/// That a partner was reminded to acknowledge an advisory it had not acknowledged within its
/// tier's deadline: one per partner and advisory, so each is reminded once.
/// </summary>
public sealed class AcknowledgementReminder
{
    private AcknowledgementReminder() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    /// <summary>When the acknowledgement was due.</summary>
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset RemindedAt { get; private set; }

    public static AcknowledgementReminder Of(PartnerId partner, AdvisoryId advisory, DateTimeOffset dueAt, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        PartnerId = partner,
        AdvisoryId = advisory,
        DueAt = dueAt,
        RemindedAt = at,
    };
}
