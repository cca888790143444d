namespace Forewarn.Tracing.Code;

/// <summary>
/// The variant class of a code site and what a normaliser sees in each variant: every quote made
/// one style, every integer one form, imports sorted are each one act on a whole class
/// (<see cref="Trace.UnreadClasses"/> judges a class from the leak alone). A comment word keeps the
/// default class (its synonym pair); a site no normaliser acts on as a whole (a renamed local, an
/// order, a template) is a class of its own, so it is never judged uniform with others.
/// </summary>
internal static class SiteLabels
{
    public static MarkSite Of(CandidateSite s, int index, CodeLanguage language)
    {
        var site = new MarkSite(s.Kind, s.Variant0, s.Variant1);
        return s.Kind switch
        {
            SiteKinds.QuoteStyle => site with { Class = "quote-style", Form0 = QuoteForm(s.Variant0, language), Form1 = QuoteForm(s.Variant1, language) },
            SiteKinds.IntegerForm => site with { Class = "integer-form", Form0 = IntegerForm(s.Variant0), Form1 = IntegerForm(s.Variant1) },
            SiteKinds.ImportOrder => site with { Class = "import-order", Form0 = Sorted(s.Variant0), Form1 = Sorted(s.Variant1) },
            SiteKinds.CommentWord => site,
            _ => site with { Class = $"{s.Kind}#{index}" },
        };
    }

    private static string QuoteForm(string literal, CodeLanguage language) => language == CodeLanguage.CSharp
        ? literal.StartsWith('@') ? "verbatim-string" : "regular-string"
        : literal[literal.IndexOfAny(['\'', '"'])] == '\'' ? "single-quote" : "double-quote";

    private static string IntegerForm(string literal) => PythonLexer.HexPattern().IsMatch(literal) ? "hex" : "decimal";

    private static string Sorted(string lines)
    {
        var parts = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.SequenceEqual(parts.Order(StringComparer.Ordinal), StringComparer.Ordinal) ? "sorted" : "unsorted";
    }
}
