using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Signals;

namespace Forewarn.Server.Signals;

/// <summary>
/// Section <c>signals</c>: the thresholds of the signals for staff (docs/signals.md), e.g.
/// <c>FOREWARN_SIGNALS__POCMINUTES=60</c>.
/// </summary>
public sealed class SignalOptions
{
    public const string Section = "signals";

    [Range(1, 10_080, ErrorMessage = "signals:pocMinutes (FOREWARN_SIGNALS__POCMINUTES) is how many minutes after its wave a PoC fetched by a new key is a signal: from 1 to 10080.")]
    public int PocMinutes { get; set; } = 30;

    [Range(1, 1_000_000, ErrorMessage = "signals:volumeFloor (FOREWARN_SIGNALS__VOLUMEFLOOR) is the fewest copies in a day that can be a volume signal: from 1 to 1000000.")]
    public int VolumeFloor { get; set; } = 10;

    [Range(1.0, 1000.0, ErrorMessage = "signals:volumeFactor (FOREWARN_SIGNALS__VOLUMEFACTOR) is how many times its median day a partner's day must be to signal: from 1 to 1000.")]
    public double VolumeFactor { get; set; } = 5;

    [Range(1, 365, ErrorMessage = "signals:volumeDays (FOREWARN_SIGNALS__VOLUMEDAYS) is how many days before a day make a partner's habit: from 1 to 365.")]
    public int VolumeDays { get; set; } = 30;

    /// <summary>
    /// The Regional Internet Registries' delegated-extended statistics files to tell a source
    /// address's country from (paths; relative ones from the working directory). None: country
    /// signals are off. Read by <see cref="SourceCountries"/>.
    /// </summary>
    public List<string> CountryFiles { get; set; } = [];

    public SignalSettings ToSettings() => new(PocMinutes, VolumeFloor, VolumeFactor, VolumeDays);
}
