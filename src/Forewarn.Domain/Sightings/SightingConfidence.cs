using Forewarn.Domain.Common;

namespace Forewarn.Domain.Sightings;

/// <summary>How sure staff are that what they heard of is exploitation of the advisory's flaw.</summary>
public enum SightingConfidence
{
    Low,
    Medium,
    High,
}

public static class SightingConfidences
{
    public static IReadOnlyList<SightingConfidence> All { get; } = Enum.GetValues<SightingConfidence>();

    /// <summary>The name in the API and the log: <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    public static string Name(this SightingConfidence confidence) => confidence.ToString().ToLowerInvariant();

    /// <exception cref="DomainException"><c>invalid-confidence</c> for anything but low, medium or high.</exception>
    public static SightingConfidence Parse(string? text)
    {
        foreach (var c in All)
            if (string.Equals(c.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) return c;
        throw new DomainException("invalid-confidence",
            string.IsNullOrWhiteSpace(text)
                ? "Give the confidence: low, medium or high."
                : $"'{text.Trim()}' is not a confidence; use low, medium or high.");
    }
}
