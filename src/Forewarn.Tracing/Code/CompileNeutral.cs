namespace Forewarn.Tracing.Code;

/// <summary>
/// Sites whose variant CPython's compile cannot tell from the original: a Python copy compiles
/// exactly when the same copy with these sites at variant 0 does, so the check compiles that text
/// instead, and copies that differ only at such sites share one check. Two kinds qualify, each
/// re-verified here on the site's own text rather than trusted from the finder:
/// <list type="bullet">
/// <item>A string literal in the other quote (<c>'abc'</c> ↔ <c>"abc"</c>): the same prefix (none,
/// r, b, u, rb, br — never an f-string, whose inside is code), content without quotes, backslashes or
/// line breaks, the same length. CPython reads one string token with the same value at the same
/// place either way, so it builds the same syntax tree, positions included, and compiles it the same.</item>
/// <item>An integer in its other notation (<c>65536</c> ↔ <c>0x10000</c>) with no letter, digit,
/// <c>_</c> or <c>.</c> on either side: one number token of the same value either way (nothing next
/// to it can join it), so the tree differs only in column offsets on that line, which no compile
/// error depends on.</item>
/// </list>
/// Everything else (renames, orders, templates, comments) is checked as it stands. The argument
/// needs the literal to stay a token of its own in every copy: Forewarn's own sites keep tokens
/// whole (names, whole literals, comment words, whole statements or arguments moved), but an author's
/// template could open or close a string or comment around it, so a PoC with a template whose text
/// holds a quote, <c>#</c>, a backslash or a line break has no neutral site.
/// </summary>
internal static class CompileNeutral
{
    /// <summary>For each site, whether it is compile-neutral in this PoC.</summary>
    public static bool[] For(string source, IReadOnlyList<CandidateSite> sites, CodeLanguage language)
    {
        // A q-ary template's sites carry the edits of variants 1, 2, 4 only: its other variants are in its choice.
        var quiet = sites.Where(s => s.IsTemplate).All(t => t.Edits.All(e =>
            e.Start >= 0 && e.End <= source.Length && !Lexical(source.AsSpan(e.Start, e.Length)) && !Lexical(e.Text1))
            && (t.Choice is null || t.Choice.Names.All(n => !Lexical(n))));
        return [.. sites.Select(s => quiet && Is(source, s, language))];
    }

    private static bool Lexical(ReadOnlySpan<char> text) => text.IndexOfAny("'\"#\\\n\r") >= 0;

    public static bool Is(string source, CandidateSite site, CodeLanguage language)
    {
        if (language != CodeLanguage.Python || site.IsTemplate || site.Swap is not null || site.Choice is not null || site.Edits.Count != 1) return false;
        var edit = site.Edits[0];
        if (edit.Start < 0 || edit.End > source.Length) return false;
        var raw = source.Substring(edit.Start, edit.Length);
        return site.Kind switch
        {
            SiteKinds.QuoteStyle => OtherQuote(raw, edit.Text1),
            SiteKinds.IntegerForm => SameInteger(raw, edit.Text1) && Apart(source, edit.Start - 1) && Apart(source, edit.End),
            _ => false,
        };
    }

    private static bool OtherQuote(string raw, string variant)
    {
        var q = raw.IndexOfAny(['\'', '"']);
        if (q < 0 || variant.Length != raw.Length || raw.Length < q + 2) return false;
        if (raw[..q].ToLowerInvariant() is not ("" or "r" or "b" or "u" or "rb" or "br") || variant[..q] != raw[..q]) return false;
        var (open, other) = (raw[q], raw[q] == '\'' ? '"' : '\'');
        var content = raw[(q + 1)..^1];
        return raw[^1] == open && variant[q] == other && variant[^1] == other && variant[(q + 1)..^1] == content
            && content.AsSpan().IndexOfAny("'\"\\\n\r") < 0;
    }

    private static bool SameInteger(string raw, string variant) =>
        raw != variant && PythonLexer.IntegerValue(raw) is { } a && PythonLexer.IntegerValue(variant) is { } b && a == b;

    private static bool Apart(string source, int at) =>
        at < 0 || at >= source.Length || !(char.IsLetterOrDigit(source[at]) || source[at] is '_' or '.');
}
