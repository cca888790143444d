using System.Text;

namespace Forewarn.Tracing.Text;

/// <summary>
/// The canonical form in which a text is compared: what a person copying it into an e-mail or a
/// chat may change is erased — whitespace and line breaks, smart or straight quotes and dashes,
/// non-breaking spaces, zero-width characters, letter case — and the rest is split into tokens
/// (runs of letters and digits, and single punctuation marks).
/// </summary>
internal static class TextNormaliser
{
    internal readonly record struct Token(string Text, int Start, int End);

    public static List<Token> Tokenize(string text, int offset = 0)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var wordStart = -1;
        var wordEnd = -1;
        void Flush()
        {
            if (word.Length == 0) return;
            tokens.Add(new Token(word.ToString(), offset + wordStart, offset + wordEnd));
            word.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c)) continue; // removed, and it does not split a word either
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length == 0) wordStart = i;
                word.Append(char.ToLowerInvariant(c));
                wordEnd = i + 1;
                continue;
            }
            Flush();
            if (char.IsWhiteSpace(c)) continue;
            if (c == '…')
            {
                for (var k = 0; k < 3; k++) tokens.Add(new Token(".", offset + i, offset + i + 1));
                continue;
            }
            tokens.Add(new Token(Fold(c).ToString(), offset + i, offset + i + 1));
        }
        Flush();
        return tokens;
    }

    /// <summary>The text as one string: " token token … token " (a space before and after every token).</summary>
    public static string Canonical(string text)
    {
        var tokens = Tokenize(text);
        var builder = new StringBuilder(text.Length + 16).Append(' ');
        foreach (var token in tokens) builder.Append(token.Text).Append(' ');
        return builder.ToString();
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E';

    private static char Fold(char c) => c switch
    {
        '‘' or '’' or '‚' or '‛' or '′' => '\'',
        '“' or '”' or '„' or '‟' or '″' or '«' or '»' => '"',
        '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
        _ => c,
    };
}
