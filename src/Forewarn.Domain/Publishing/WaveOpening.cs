using Forewarn.Domain.Common;

namespace Forewarn.Domain.Publishing;

/// <summary>
/// A wave whose content opens to a partner later than the wave itself — a lead time not reached
/// yet, a contract that starts later — so the partner is told when it opens, not at the wave.
/// Recorded when the wave is announced; settled once: told (notice and webhook in the same
/// transaction), or dropped when, at that moment, the content no longer opens to the partner.
/// </summary>
public sealed class WaveOpening
{
    private WaveOpening() { }

    public Guid Id { get; private set; }
    public WaveId WaveId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public PartnerId PartnerId { get; private set; }
    /// <summary>When the content is expected to open to the partner (moved if the facts change).</summary>
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    /// <summary><c>told</c>, or why the partner was not told.</summary>
    public string? Outcome { get; private set; }

    public const string Told = "told";

    public bool IsPending => SettledAt is null;

    public static WaveOpening Expect(WaveId wave, AdvisoryId advisory, PartnerId partner, DateTimeOffset opensAt) => new()
    {
        Id = Guid.CreateVersion7(opensAt),
        WaveId = wave,
        AdvisoryId = advisory,
        PartnerId = partner,
        OpensAt = opensAt,
    };

    /// <summary>The content opened: the partner is told now.</summary>
    public void MarkTold(DateTimeOffset now) => Settle(now, Told);

    /// <summary>Not open yet after all (the facts changed): look again at <paramref name="later"/>.</summary>
    public void Postpone(DateTimeOffset later)
    {
        if (!IsPending) throw new ConflictException("opening-settled", "This opening is already settled.");
        if (later <= OpensAt) throw new DomainException("invalid-field", "An opening can only move later.");
        OpensAt = later;
    }

    /// <summary>The content will not open to the partner (withdrawn, suspended, policy changed).</summary>
    public void Drop(DateTimeOffset now, string why) => Settle(now, TextRules.Required(why, "reason", 200));

    private void Settle(DateTimeOffset now, string outcome)
    {
        if (!IsPending) throw new ConflictException("opening-settled", "This opening is already settled.");
        if (now < OpensAt) throw new DomainException("opening-not-due", "An opening is settled at its time, not before.");
        SettledAt = now;
        Outcome = outcome;
    }
}
