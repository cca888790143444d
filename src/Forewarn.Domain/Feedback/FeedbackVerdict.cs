using Forewarn.Domain.Common;

namespace Forewarn.Domain.Feedback;

/// <summary>What a partner found when it ran an artifact (a detection rule, say) on its own estate.</summary>
public enum FeedbackVerdict
{
    /// <summary>It fired on something that is not the vulnerability or its exploitation.</summary>
    FalsePositive,

    /// <summary>It missed something that is.</summary>
    FalseNegative,

    /// <summary>It did what it says.</summary>
    WorksAsIntended,
}

public static class FeedbackVerdicts
{
    /// <summary>Every verdict, in the order forms list them.</summary>
    public static IReadOnlyList<FeedbackVerdict> All { get; } = [FeedbackVerdict.FalsePositive, FeedbackVerdict.FalseNegative, FeedbackVerdict.WorksAsIntended];

    /// <summary>The verdict as the API and the log write it: <c>false-positive</c>, <c>false-negative</c>, <c>works-as-intended</c>.</summary>
    public static string Name(this FeedbackVerdict verdict) => verdict switch
    {
        FeedbackVerdict.FalsePositive => "false-positive",
        FeedbackVerdict.FalseNegative => "false-negative",
        FeedbackVerdict.WorksAsIntended => "works-as-intended",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>The verdict as a sentence names it.</summary>
    public static string Label(this FeedbackVerdict verdict) => verdict switch
    {
        FeedbackVerdict.FalsePositive => "False positive",
        FeedbackVerdict.FalseNegative => "False negative",
        FeedbackVerdict.WorksAsIntended => "Works as intended",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>A verdict by its name; anything else is refused, naming the three.</summary>
    public static FeedbackVerdict Parse(string? text)
    {
        var t = text?.Trim();
        foreach (var v in All)
            if (string.Equals(v.Name(), t, StringComparison.OrdinalIgnoreCase)) return v;
        throw new InvalidFieldException("verdict", $"The verdict is '{t}'; use one of {string.Join(", ", All.Select(x => x.Name()))}.");
    }
}
