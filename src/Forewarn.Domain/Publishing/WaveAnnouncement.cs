using Forewarn.Domain.Common;

namespace Forewarn.Domain.Publishing;

/// <summary>
/// The record that a wave's time came and its recipients were told (notices and webhooks, in
/// the same transaction). One per wave — the store's key makes each wave announced once, by
/// whichever server gets there first.
/// </summary>
public sealed class WaveAnnouncement
{
    private WaveAnnouncement() { }

    public WaveId WaveId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public DateTimeOffset WaveAt { get; private set; }
    public DateTimeOffset AnnouncedAt { get; private set; }
    public int Recipients { get; private set; }
    /// <summary>Why nobody was told, when nobody was: e.g. the advisory was already public when a server first saw the wave.</summary>
    public string? Silent { get; private set; }

    public static WaveAnnouncement Of(WaveId wave, AdvisoryId advisory, DateTimeOffset waveAt, DateTimeOffset now, int recipients, string? silent = null)
    {
        if (now < waveAt) throw new DomainException("wave-not-due", "A wave is announced at its time, not before.");
        return new WaveAnnouncement
        {
            WaveId = wave, AdvisoryId = advisory, WaveAt = waveAt, AnnouncedAt = now, Recipients = recipients, Silent = silent,
        };
    }
}
