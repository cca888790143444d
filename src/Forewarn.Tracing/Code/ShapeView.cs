using System.Text;

namespace Forewarn.Tracing.Code;

/// <summary>
/// A source as formatters leave it (version 2 readers): only what <c>ast.unparse</c>, black, Roslyn's
/// formatter and comment stripping keep. Comments, parentheses, commas and semicolons are dropped
/// (formatters add and remove them), adjacent string literals are merged (ast.unparse joins them)
/// and a string is known by the letters and digits of its content (quote style, prefixes and escapes
/// change), a number by its value, a renamed local by its site.
/// </summary>
internal static class ShapeView
{
    private static readonly HashSet<string> Dropped = ["(", ")", ",", ";", "\\"];

    public static TokenView Of(IEnumerable<CodeToken> tokens, TokenNormaliser normaliser)
    {
        var kept = new List<CodeToken>();
        var keys = new List<string>();
        foreach (var t in tokens)
        {
            if (t.IsComment || (t.Kind == TokenKind.Punctuation && Dropped.Contains(t.Raw))) continue;
            if (t.Kind == TokenKind.String)
            {
                var content = "s:" + Letters(t.Raw);
                if (kept.Count > 0 && kept[^1].Kind == TokenKind.String)
                {
                    kept[^1] = kept[^1] with { End = t.End };
                    keys[^1] += content[2..];
                }
                else
                {
                    kept.Add(t);
                    keys.Add(content);
                }
                continue;
            }
            kept.Add(t);
            keys.Add(normaliser.Norm(t));
        }
        string[] k = [.. keys];
        return new TokenView([.. kept], k, k);
    }

    /// <summary>The letters and digits of a string literal's content (its prefix left out).</summary>
    private static string Letters(string raw)
    {
        var q = raw.IndexOfAny(['\'', '"']);
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw.AsSpan(Math.Max(0, q)))
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }
}
