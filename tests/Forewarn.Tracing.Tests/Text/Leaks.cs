using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>What happens to a copy on its way out: e-mail and chat normalisation, fragments, reordering.</summary>
public static partial class Leaks
{
    /// <summary>Whitespace and line breaks collapsed to single spaces.</summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Straight quotes made typographic, as mail clients and chat apps do; "--" and " - " become dashes.</summary>
    public static string SmartenQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var afterSpace = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[';
            builder.Append(c switch
            {
                '\'' => afterSpace ? '‘' : '’',
                '"' => afterSpace ? '“' : '”',
                _ => c,
            });
        }
        return builder.ToString().Replace(" - ", " – ", StringComparison.Ordinal).Replace("--", "—", StringComparison.Ordinal);
    }

    /// <summary>Paragraphs kept, lines re-wrapped at <paramref name="columns"/> with CRLF line ends.</summary>
    public static string Rewrap(string text, int columns = 72)
    {
        var output = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var line = new StringBuilder();
            foreach (var word in Whitespace().Split(paragraph.Trim()).Where(w => w.Length > 0))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > columns)
                {
                    output.Append(line).Append("\r\n");
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            output.Append(line).Append("\r\n\r\n");
        }
        return output.ToString();
    }

    /// <summary>Non-breaking spaces for some spaces, zero-width characters sprinkled in, the first letter lower-cased.</summary>
    public static string Noise(string text, Random random)
    {
        var builder = new StringBuilder(text.Length + 64);
        foreach (var c in text)
        {
            if (c == ' ' && random.Next(8) == 0) builder.Append('\u00A0');
            else builder.Append(c);
            if (char.IsLetter(c) && random.Next(40) == 0) builder.Append('\u200B');
        }
        var s = builder.ToString();
        var first = s.IndexOf(s.FirstOrDefault(char.IsLetter));
        return first >= 0 ? s[..first] + char.ToLowerInvariant(s[first]) + s[(first + 1)..] : s;
    }

    /// <summary>The sentences of a copy (and line breaks as separators), in order; "e.g." and "i.e." do not end one.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceEnd().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Where(s => s.Trim().Length > 0).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?])(?<!\b[A-Za-z]\.[A-Za-z]\.)\s+(?=[A-Z0-9`-])|\n+")]
    private static partial Regex SentenceEnd();
}
