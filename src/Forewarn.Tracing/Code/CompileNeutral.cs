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
        var strings = language == CodeLanguage.Python && sites.Any(s => s.IsTemplate)
            ? PythonLexer.Tokenize(source).Where(t => t.Kind == TokenKind.String).ToList() : [];
        // A template that could open or close a string or comment (a quote, '#', a backslash or a
        // line break in a variant) leaves no site neutral — unless it stands inside a string literal
        // whose own quote none of its variants holds.
        var quiet = sites.Where(s => s.IsTemplate).All(t => InsideString(source, strings, t) || Variants(source, t).All(v => !Lexical(v)));
        if (!quiet) return new bool[sites.Count];
        return [.. sites.Select(s => Is(source, s, language) || InsideString(source, strings, s))];
    }

    /// <summary>
    /// An author's template that stands inside one plain string literal — not an f-string, whose
    /// inside is code — with no variant holding that literal's quote, a backslash or a control
    /// character (a line break, a null), nor a non-ASCII one in a bytes literal: every variant leaves
    /// the literal one string token, only its value differs, and no compile error depends on a
    /// constant's value. The demo PoC's sample values (help texts, messages, docstrings) are such.
    /// </summary>
    private static bool InsideString(string source, IReadOnlyList<CodeToken> strings, CandidateSite site)
    {
        if (!site.IsTemplate || Span(site) is not var (start, end)) return false;
        foreach (var token in strings)
        {
            if (token.Start > start || token.End < end) continue;
            var raw = token.Raw;
            var q = raw.IndexOfAny(['\'', '"']);
            if (q < 0) return false;
            var prefix = raw[..q].ToLowerInvariant();
            if (prefix is not ("" or "r" or "b" or "u" or "rb" or "br")) return false;
            var quote = raw.AsSpan(q).StartsWith("\"\"\"") || raw.AsSpan(q).StartsWith("'''") ? 3 : 1;
            if (start < token.Start + q + quote || end > token.End - quote) return false;
            var bytes = prefix.Contains('b', StringComparison.Ordinal);
            return Variants(source, site).All(n => !n.Any(c => c == raw[q] || c == '\\' || char.IsControl(c) || (bytes && c > 127)));
        }
        return false;
    }

    /// <summary>Where a template stands in the source (variant 0): a q-ary one's one place, a version-1 one's one edit.</summary>
    private static (int Start, int End)? Span(CandidateSite t) => t.Choice switch
    {
        { Places.Count: 1 } c => (c.Places[0], c.Places[0] + c.Names[0].Length),
        null when t.Edits.Count == 1 => (t.Edits[0].Start, t.Edits[0].End),
        _ => null,
    };

    /// <summary>Every variant of a template: a q-ary one's choice (its sites' edits hold only the single-bit variants), else its edits' two sides.</summary>
    private static IEnumerable<string> Variants(string source, CandidateSite t) =>
        t.Choice is { } c ? c.Names
        : t.Edits.SelectMany(e => new[] { e.Start >= 0 && e.End <= source.Length ? source.Substring(e.Start, e.Length) : "\n", e.Text1 });

    private static bool Lexical(string text) => text.AsSpan().IndexOfAny("'\"#\\\n\r") >= 0;

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
