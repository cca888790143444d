using System.Globalization;

namespace Forewarn.Domain.Common;

/// <summary>Whether a text field is one line (names, titles, ids) or may run over several (notes, descriptions, reasons).</summary>
public enum TextShape
{
    /// <summary>One line: no control character at all, no bidirectional override.</summary>
    Line,

    /// <summary>Prose: line breaks and tabs allowed, no other control character.</summary>
    Prose,
}

/// <summary>
/// The one set of rules for text a person or client sends: trimmed, a maximum length, well-formed
/// UTF-16 (no lone surrogate), no NUL or other control character (prose may hold line breaks and
/// tabs), and in one-line fields no bidirectional override that could make a name read differently
/// from what it is. A refusal names the field; nothing is stored before these checks pass.
/// </summary>
public static class TextRules
{
    /// <summary>Trims a required text field and refuses it when empty, too long or holding a character it may not.</summary>
    public static string Required(string? value, string field, int max = 200, TextShape shape = TextShape.Line)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
            throw new InvalidFieldException(field, $"The {field} must not be empty.");
        return Checked(v, field, max, shape);
    }

    /// <summary>Trims an optional text field (absent becomes empty) and applies the same rules as <see cref="Required"/>.</summary>
    public static string Optional(string? value, string field, int max = 4000, TextShape shape = TextShape.Prose) =>
        Checked(value?.Trim() ?? "", field, max, shape);

    /// <summary>Why <paramref name="value"/> breaks the character rules of <paramref name="shape"/>, or null when it does not.</summary>
    public static string? Problem(string value, TextShape shape)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "holds a broken character (a lone UTF-16 surrogate)";
            if (c == '\0') return "holds a NUL character";
            if (char.IsControl(c) && !(shape == TextShape.Prose && c is '\n' or '\r' or '\t'))
                return $"holds the control character U+{(int)c:X4}";
            if (shape == TextShape.Line && IsBidiControl(c))
                return $"holds the invisible direction mark U+{(int)c:X4}";
        }
        return null;
    }

    private static string Checked(string v, string field, int max, TextShape shape)
    {
        if (v.Length > max)
            throw new InvalidFieldException(field, $"The {field} must be at most {max} characters long.");
        if (Problem(v, shape) is { } problem)
            throw new InvalidFieldException(field, $"The {field} {problem}; {Allowed(shape)}.");
        return v;
    }

    private static string Allowed(TextShape shape) => shape == TextShape.Line
        ? "it must be one line of printable text"
        : "it may hold printable text, line breaks and tabs";

    // Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): the "Trojan Source" characters.
    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is '\u200E' or '\u200F' or '\u061C';
}

/// <summary>A request's field breaks the rules for its values; the field is named in the sentence and as <c>field</c>.</summary>
public sealed class InvalidFieldException(string field, string message, string code = "invalid-field") : DomainException(code, message)
{
    /// <summary>The field as the sentence names it.</summary>
    public string Field { get; } = field;

    public override IReadOnlyDictionary<string, object?> Particulars => new Dictionary<string, object?> { ["field"] = Field };
}
