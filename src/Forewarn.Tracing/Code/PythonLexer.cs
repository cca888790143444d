using System.Globalization;
using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Code;

/// <summary>
/// A small Python tokenizer for marking and reading: names, numbers, strings (prefixes,
/// triple-quoted, f-strings as one token), operators, the words of comments, and whole
/// `import` / `from … import` lines as one token each. It never needs indentation, so it reads a
/// reindented or partial copy the same way as the original.
/// </summary>
internal static partial class PythonLexer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    ];

    public static List<CodeToken> Tokenize(string text)
    {
        var tokens = new List<CodeToken>();
        var i = 0;
        var lineStart = true;
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { lineStart = true; i++; continue; }
            if (char.IsWhiteSpace(c) || c == '\\') { i++; continue; }
            if (lineStart && depth == 0 && TryImportLine(text, i, tokens, out var end)) { i = end; lineStart = false; continue; }
            lineStart = false;
            if (c == '#') { i = Comment(text, i, tokens); continue; }
            if (TryString(text, i, tokens, out end)) { i = end; continue; }
            if (char.IsLetter(c) || c == '_')
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_')) j++;
                var name = text[i..j];
                tokens.Add(new CodeToken(TokenKind.Identifier, name, name, i, j));
                i = j;
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i = Number(text, i, tokens);
                continue;
            }
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0) ?? c.ToString();
            if (op is "(" or "[" or "{") depth++;
            if (op is ")" or "]" or "}") depth = Math.Max(0, depth - 1);
            tokens.Add(new CodeToken(TokenKind.Punctuation, op, op, i, i + op.Length));
            i += op.Length;
        }
        return tokens;
    }

    private static bool TryImportLine(string text, int i, List<CodeToken> tokens, out int end)
    {
        var m = ImportLinePattern().Match(text, i);
        end = i;
        if (!m.Success || m.Index != i) return false;
        var line = m.Value.TrimEnd();
        if (line.Contains('(', StringComparison.Ordinal) || line.EndsWith('\\')) return false;
        var raw = string.Join(' ', line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        end = i + line.Length;
        tokens.Add(new CodeToken(TokenKind.ImportLine, raw, raw, i, end));
        return true;
    }

    private static int Comment(string text, int i, List<CodeToken> tokens)
    {
        var end = text.IndexOf('\n', i);
        if (end < 0) end = text.Length;
        var body = text[(i + 1)..end].TrimStart();
        var eligible = !(text.AsSpan(i).StartsWith("#!") || body.StartsWith("-*-", StringComparison.Ordinal) || body.StartsWith("type:", StringComparison.Ordinal)
            || body.StartsWith("noqa", StringComparison.Ordinal) || body.StartsWith("pragma", StringComparison.Ordinal) || body.StartsWith("fmt:", StringComparison.Ordinal)
            || body.StartsWith("pylint:", StringComparison.Ordinal));
        foreach (Match w in CommentWordPattern().Matches(text[..end], i + 1))
            tokens.Add(new CodeToken(TokenKind.CommentWord, w.Value, CommentSynonyms.Canonical(w.Value), w.Index, w.Index + w.Length, eligible));
        return end;
    }

    private static bool TryString(string text, int i, List<CodeToken> tokens, out int end)
    {
        end = i;
        var j = i;
        while (j < text.Length && j - i < 2 && "rRbBuUfF".Contains(text[j], StringComparison.Ordinal)) j++;
        if (j >= text.Length || (text[j] != '\'' && text[j] != '"')) return false;
        var prefix = text[i..j];
        var quote = text[j];
        var triple = j + 2 < text.Length && text[j + 1] == quote && text[j + 2] == quote;
        var open = triple ? 3 : 1;
        var k = j + open;
        while (k < text.Length)
        {
            if (text[k] == '\\') { k += 2; continue; }
            if (!triple && text[k] == '\n') break;
            if (text[k] == quote && (!triple || (k + 2 < text.Length && text[k + 1] == quote && text[k + 2] == quote))) break;
            k++;
        }
        var close = Math.Min(text.Length, k + (k < text.Length && text[k] != '\n' ? open : 0));
        var contentEnd = Math.Min(k, text.Length);
        var content = text[Math.Min(j + open, contentEnd)..contentEnd];
        var raw = text[i..close];
        var value = triple ? raw : $"{prefix.ToLowerInvariant()}:{content}";
        tokens.Add(new CodeToken(TokenKind.String, raw, value, i, close));
        end = close;
        return true;
    }

    private static int Number(string text, int i, List<CodeToken> tokens)
    {
        var j = i;
        while (j < text.Length)
        {
            var ch = text[j];
            if (char.IsLetterOrDigit(ch) || ch == '_' || ch == '.') { j++; continue; }
            if ((ch is '+' or '-') && j > i && (text[j - 1] is 'e' or 'E') && !text.AsSpan(i, j - i).StartsWith("0x", StringComparison.OrdinalIgnoreCase)) { j++; continue; }
            break;
        }
        var raw = text[i..j];
        tokens.Add(new CodeToken(TokenKind.Number, raw, IntegerValue(raw) ?? raw, i, j));
        return j;
    }

    /// <summary>The value of a plain decimal or hexadecimal integer literal, as decimal text; null for other forms.</summary>
    public static string? IntegerValue(string raw)
    {
        if (DecimalPattern().IsMatch(raw)) return raw;
        if (HexPattern().IsMatch(raw) && ulong.TryParse(raw.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
            return v.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    [GeneratedRegex(@"(?:import|from)[ \t][^\n#]*")]
    private static partial Regex ImportLinePattern();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex CommentWordPattern();

    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)$")]
    internal static partial Regex DecimalPattern();

    [GeneratedRegex(@"^0[xX][0-9a-fA-F]+$")]
    internal static partial Regex HexPattern();
}
