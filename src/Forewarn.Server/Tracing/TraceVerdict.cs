using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Tracing;

/// <summary>The trace's outcome as one sentence for a person: who is named and what the bound means, or why no one is.</summary>
public static class TraceVerdict
{
    public static string Sentence(int sites, int marksRead, double epsilon, double? threshold,
        IReadOnlyList<TraceScoreDto> accused, IReadOnlyList<TraceScoreDto> nearMisses, int artifacts = 1, TraceUnreachedDto? unreached = null)
    {
        var bound = $"the chance that anyone innocent is named is at most {Epsilon(epsilon)}"
            + (unreached is null ? "." : $" (two tests, each held to {Epsilon(epsilon / 2)}).");
        // Why a partner is named: above the threshold over every mark read, or above the second
        // test's over the marks no normaliser reaches (a leaker re-picked the marked words).
        string Why(TraceScoreDto a) =>
            threshold is { } t && a.Score > t ? $"score {Number(a.Score)} > threshold {Number(t)}"
            : unreached is { } u && a.UnreachedScore is { } s ? $"score {Number(s)} over the {u.MarksRead} marks no normaliser reaches > threshold {Number(u.Threshold)}"
            : $"score {Number(a.Score)}";
        if (accused.Count == 1 && threshold is not null)
            return $"Named {accused[0].PartnerName} ({Why(accused[0])}): {bound}";
        if (accused.Count > 1 && threshold is not null)
        {
            var names = accused.Select(a => $"{a.PartnerName} ({Why(a)})").ToList();
            var list = string.Join(", ", names[..^1]) + " and " + names[^1];
            return $"Named {list}: {bound}";
        }
        if (marksRead == 0)
            return artifacts > 1
                ? $"No one named: none of the {Counted.Of(sites, "mark", "marks")} of the advisory's {artifacts} fingerprinted artifacts was found in the leaked text — "
                    + "it is not a copy of any of them, or every marked word in it was rewritten."
                : $"No one named: none of the artifact's {Counted.Of(sites, "mark", "marks")} was found in the leaked text — it is not a copy of this artifact, "
                    + "or every marked word in it was rewritten.";
        if (threshold is null)
            return $"No one named: ε = {Epsilon(epsilon)} is so small that no score can reach a threshold; give a larger ε.";
        var highest = nearMisses.Count > 0 ? $" (highest: {nearMisses[0].PartnerName}, {Number(nearMisses[0].Score)})" : "";
        var second = unreached is null ? "" : $", nor any score over the {unreached.MarksRead} marks no normaliser reaches its threshold {Number(unreached.Threshold)}";
        return $"No one named: {marksRead} of {Counted.Of(sites, "mark", "marks")} read, and no partner's score reaches the threshold {Number(threshold.Value)}{highest}{second}. "
            + $"The leak carries too few marks to name anyone at ε = {Epsilon(epsilon)}, or it mixes several partners' copies.";
    }

    /// <summary>ε as people write it: 1e-6, 2.5e-4, 0.01.</summary>
    public static string Epsilon(double epsilon) =>
        epsilon >= 0.001 ? epsilon.ToString("0.###", CultureInfo.InvariantCulture) : epsilon.ToString("0.##e0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
