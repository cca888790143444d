namespace Forewarn.Domain.Signals;

/// <summary>
/// Something worth a person's look, with the log entries it rests on. A signal is evidence to
/// weigh — a partner changing offices fires one too — never a verdict or a sanction.
/// </summary>
/// <param name="Kind"><c>new-network</c>, <c>new-country</c>, <c>fresh-key-poc</c> or <c>volume</c>.</param>
/// <param name="At">When it happened: the entry that fired it, or for volume the start of the day (UTC).</param>
/// <param name="Partner">The partner whose key or downloads it is about.</param>
/// <param name="Key">The key it is about (none for volume, which is the partner's).</param>
/// <param name="Artifact">The artifact of the entry that fired it, when there is one.</param>
/// <param name="Summary">One sentence for a person.</param>
/// <param name="Entries">The log indexes behind it, oldest first.</param>
/// <param name="Details">The particulars of its kind (a network, minutes after a wave, a day's count against its threshold).</param>
public sealed record Signal(string Kind, DateTimeOffset At, Guid? Partner, Guid? Key, Guid? Artifact, string Summary,
    IReadOnlyList<long> Entries, IReadOnlyDictionary<string, object?> Details)
{
    public const string NewNetwork = "new-network";
    public const string NewCountry = "new-country";
    public const string FreshKeyPoc = "fresh-key-poc";
    public const string Volume = "volume";
}

/// <summary>The thresholds of the signals (docs/signals.md); see <see cref="SignalRules"/>.</summary>
public sealed record SignalSettings(int PocMinutes = 30, int VolumeFloor = 10, double VolumeFactor = 5, int VolumeDays = 30);
