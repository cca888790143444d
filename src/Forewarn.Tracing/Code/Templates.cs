namespace Forewarn.Tracing.Code;

/// <summary>
/// The author's template syntax: <c>{{fw:A|B}}</c> is one site whose variants are the texts A and
/// B (A is variant 0). A and B may not contain <c>|</c>, <c>{{fw:</c> or <c>}}</c>, and must differ.
/// Every copy carries A or B in place of the whole template; no copy carries the markers.
/// </summary>
internal static class Templates
{
    private const string Open = "{{fw:";
    private const string Close = "}}";

    public static (string Base, List<CandidateSite> Sites) Parse(string source)
    {
        var sb = new System.Text.StringBuilder(source.Length);
        var sites = new List<CandidateSite>();
        var at = 0;
        while (true)
        {
            var open = source.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0) break;
            var close = source.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            var line = SourceEdits.LineOf(source, open);
            if (close < 0) throw Bad(line, "it is not closed with }}");
            var inner = source[(open + Open.Length)..close];
            if (inner.Contains(Open, StringComparison.Ordinal)) throw Bad(line, "templates cannot nest");
            var parts = inner.Split('|');
            if (parts.Length != 2) throw Bad(line, "it needs exactly two variants separated by one |");
            if (parts[0] == parts[1]) throw Bad(line, "its two variants are the same");
            sb.Append(source, at, open - at);
            var start = sb.Length;
            sb.Append(parts[0]);
            sites.Add(new CandidateSite(SiteKinds.Template, [new SiteEdit(start, parts[0].Length, parts[1])], parts[0], parts[1], IsTemplate: true));
            at = close + Close.Length;
        }
        sb.Append(source, at, source.Length - at);
        return (sb.ToString(), sites);
    }

    private static CodeMarkException Bad(int line, string why) =>
        new("bad-template", $"The mark template at line {line} is malformed: {why}. Write {{{{fw:variant0|variant1}}}}.");
}
