using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>What kind of content an artifact is; the policy decides per class.</summary>
public enum ContentClass
{
    Notice,
    Description,
    Detection,
    Indicators,
    Mitigation,
    Poc,
}

/// <summary>The wire names of content classes (<c>notice</c> … <c>poc</c>) and how they read.</summary>
public static class ContentClasses
{
    public static IReadOnlyList<ContentClass> All { get; } = Enum.GetValues<ContentClass>();

    public static string Name(this ContentClass c) => c.ToString().ToLowerInvariant();

    /// <summary>How the class reads in a sentence ("PoC", "detection guidance").</summary>
    public static string Describe(this ContentClass c) => c switch
    {
        ContentClass.Notice => "notice",
        ContentClass.Description => "technical description",
        ContentClass.Detection => "detection guidance",
        ContentClass.Indicators => "indicators",
        ContentClass.Mitigation => "mitigation",
        ContentClass.Poc => "PoC",
        _ => c.Name(),
    };

    public static bool TryParse(string? text, out ContentClass value)
    {
        foreach (var c in All)
        {
            if (string.Equals(c.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = c;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static ContentClass Parse(string? text) => TryParse(text, out var c)
        ? c
        : throw new DomainException("unknown-content-class",
            $"'{text}' is not a content class; use one of {string.Join(", ", All.Select(Name))}.");
}
