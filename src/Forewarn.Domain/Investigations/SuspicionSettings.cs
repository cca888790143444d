namespace Forewarn.Domain.Investigations;

/// <summary>How the suspicion model weighs and when it raises a flag.</summary>
/// <param name="FalseAlarmRate">The chance that, with no leaker at all, any partner of the
/// programme is flagged in one analysis (family-wise; each partner is tested at this rate divided
/// by the number of partners — Bonferroni).</param>
/// <param name="MinimumAppearances">A partner in fewer suspect sets is never flagged, whatever
/// its weights: one appearance is an incident, not a pattern.</param>
/// <param name="Weights">The weight of each holding.</param>
public sealed record SuspicionSettings(double FalseAlarmRate, int MinimumAppearances, SuspicionWeights Weights)
{
    /// <summary>A 1 % false-alarm rate for the whole programme, at least two appearances, the default weights.</summary>
    public static SuspicionSettings Default { get; } = new(0.01, 2, SuspicionWeights.Default);
}
