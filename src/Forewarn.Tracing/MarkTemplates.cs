namespace Forewarn.Tracing;

/// <summary>One author template found in a source: where its variant 0 stands in the text without markers, and its variants.</summary>
internal sealed record MarkTemplate(int Start, IReadOnlyList<string> Variants, int Line)
{
    /// <summary>How many codeword positions the template takes: 2^k variants are k positions.</summary>
    public int Positions => System.Numerics.BitOperations.Log2((uint)Variants.Count);
}

/// <summary>
/// The author's template syntax, shared by prose and code: <c>{{fw:A|B}}</c> is one site whose
/// variants are the texts A and B (A is variant 0), <c>{{fw:A|B|C|D}}</c> and eight variants are
/// q-ary sites (2^k variants take k codeword positions). A variant may not contain <c>|</c>,
/// <c>{{fw:</c> or <c>}}</c>, and no two may be the same. Every copy carries one variant in place of
/// the whole template; no copy carries the markers.
/// </summary>
internal static class MarkTemplates
{
    public const string Open = "{{fw:";
    public const string Close = "}}";

    /// <summary>Only <c>{{fw:A|B}}</c>.</summary>
    public static readonly IReadOnlySet<int> Binary = new HashSet<int> { 2 };

    /// <summary>2, 4 or 8 variants.</summary>
    public static readonly IReadOnlySet<int> Qary = new HashSet<int> { 2, 4, 8 };

    /// <summary>
    /// The source with each template replaced by its variant 0, and the templates in order.
    /// <paramref name="bad"/> makes the exception for a malformed template (its line and why).
    /// </summary>
    public static (string Base, List<MarkTemplate> Templates) Parse(string source, IReadOnlySet<int> counts, Func<int, string, Exception> bad)
    {
        var sb = new System.Text.StringBuilder(source.Length);
        var templates = new List<MarkTemplate>();
        var at = 0;
        while (true)
        {
            var open = source.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0) break;
            var close = source.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            var line = LineOf(source, open);
            if (close < 0) throw bad(line, "it is not closed with }}");
            var inner = source[(open + Open.Length)..close];
            if (inner.Contains(Open, StringComparison.Ordinal)) throw bad(line, "templates cannot nest");
            var parts = inner.Split('|');
            if (!counts.Contains(parts.Length))
                throw bad(line, counts.Count == 1 ? "it needs exactly two variants separated by one |" : "it needs 2, 4 or 8 variants separated by |");
            if (parts.Distinct(StringComparer.Ordinal).Count() != parts.Length)
                throw bad(line, parts.Length == 2 ? "its two variants are the same" : "two of its variants are the same");
            sb.Append(source, at, open - at);
            templates.Add(new MarkTemplate(sb.Length, parts, line));
            sb.Append(parts[0]);
            at = close + Close.Length;
        }
        sb.Append(source, at, source.Length - at);
        return (sb.ToString(), templates);
    }

    private static int LineOf(string source, int position)
    {
        var line = 1;
        for (var i = 0; i < position; i++)
        {
            if (source[i] == '\n') line++;
        }
        return line;
    }
}
