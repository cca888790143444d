using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>
/// A note of an advisory or of one of its vulnerabilities. The categories are CSAF 2.0's:
/// description, details, faq, general, legal_disclaimer, other, summary.
/// </summary>
public sealed record AdvisoryNote(string Category, string? Title, string Text)
{
    /// <summary>The note categories CSAF 2.0 defines.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["description", "details", "faq", "general", "legal_disclaimer", "other", "summary"];

    /// <summary>A checked note: known category, non-empty text, bounded sizes.</summary>
    public static AdvisoryNote Of(string? category, string? title, string? text)
    {
        var c = category?.Trim().ToLowerInvariant() ?? "";
        if (!Categories.Contains(c))
            throw new DomainException("invalid-note",
                $"'{category}' is not a note category; use one of {string.Join(", ", Categories)}.");
        var t = Common.TextRules.Optional(title, "note title", 300, Common.TextShape.Line);
        return new AdvisoryNote(c, t.Length == 0 ? null : t, Common.TextRules.Required(text, "note text", 64_000, Common.TextShape.Prose));
    }
}
