using Forewarn.Domain.Common;

namespace Forewarn.Domain.Access;

/// <summary>A partner's confirmation that it received an advisory.</summary>
public sealed class Acknowledgement
{
    private Acknowledgement() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid KeyId { get; private set; }
    public string Note { get; private set; } = "";

    public static Acknowledgement Of(PartnerId partner, AdvisoryId advisory, Guid keyId, string? note, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partner,
        AdvisoryId = advisory,
        KeyId = keyId,
        At = at,
        Note = TextRules.Optional(note, "acknowledgement note", 1000),
    };
}
