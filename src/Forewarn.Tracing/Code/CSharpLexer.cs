using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Forewarn.Tracing.Code;

/// <summary>
/// C# tokens for marking and reading, from Roslyn's lexer (which needs no complete program, so a
/// fragment lexes as well as the whole): the words of `//` and `/* */` comments, a plain
/// `using A.B;` directive as one token, numbers by value, strings by content.
/// </summary>
internal static partial class CSharpLexer
{
    public static List<CodeToken> Tokenize(string text)
    {
        var raw = SyntaxFactory.ParseTokens(text, options: new CSharpParseOptions(LanguageVersion.Latest)).ToList();
        var tokens = new List<CodeToken>();
        for (var i = 0; i < raw.Count; i++)
        {
            var t = raw[i];
            Comments(t.LeadingTrivia, tokens);
            if (t.IsKind(SyntaxKind.UsingKeyword) && TryUsing(raw, i, out var last))
            {
                var span = text[t.SpanStart..raw[last].Span.End];
                var parts = raw.Skip(i).Take(last - i + 1).Select(x => x.Text);
                var joined = string.Concat(parts.Select((p, k) => k == 1 ? " " + p : p));
                tokens.Add(new CodeToken(TokenKind.ImportLine, joined, joined, t.SpanStart, t.SpanStart + span.Length));
                Comments(raw[last].TrailingTrivia, tokens);
                i = last;
                continue;
            }
            if (!t.IsKind(SyntaxKind.EndOfFileToken)) tokens.Add(Token(t));
            Comments(t.TrailingTrivia, tokens);
        }
        return tokens;
    }

    private static bool TryUsing(List<SyntaxToken> raw, int i, out int last)
    {
        last = i;
        var j = i + 1;
        var expectName = true;
        while (j < raw.Count)
        {
            var k = raw[j];
            if (expectName && k.IsKind(SyntaxKind.IdentifierToken)) { expectName = false; j++; continue; }
            if (!expectName && (k.IsKind(SyntaxKind.DotToken) || k.IsKind(SyntaxKind.ColonColonToken))) { expectName = true; j++; continue; }
            if (!expectName && k.IsKind(SyntaxKind.SemicolonToken)) { last = j; return true; }
            return false;
        }
        return false;
    }

    private static CodeToken Token(SyntaxToken t)
    {
        var text = t.Text;
        var kind = t.Kind() switch
        {
            SyntaxKind.IdentifierToken => TokenKind.Identifier,
            SyntaxKind.NumericLiteralToken => TokenKind.Number,
            SyntaxKind.StringLiteralToken => TokenKind.String,
            _ => TokenKind.Punctuation,
        };
        var value = kind switch
        {
            TokenKind.Number => PythonLexer.IntegerValue(text) ?? text,
            TokenKind.String => StringContent(text) is { } c ? "s:" + c : text,
            _ => text,
        };
        return new CodeToken(kind, text, value, t.SpanStart, t.Span.End);
    }

    /// <summary>The content of a string literal that reads the same regular or verbatim; null otherwise.</summary>
    public static string? StringContent(string text)
    {
        string inner;
        if (text.StartsWith("@\"", StringComparison.Ordinal) && text.Length >= 3 && text.EndsWith('"')) inner = text[2..^1];
        else if (text.StartsWith('"') && !text.StartsWith("\"\"\"", StringComparison.Ordinal) && text.Length >= 2 && text.EndsWith('"')) inner = text[1..^1];
        else return null;
        return inner.AsSpan().IndexOfAny("\\\"\r\n") >= 0 ? null : inner;
    }

    private static void Comments(SyntaxTriviaList trivia, List<CodeToken> tokens)
    {
        foreach (var tr in trivia)
        {
            if (!tr.IsKind(SyntaxKind.SingleLineCommentTrivia) && !tr.IsKind(SyntaxKind.MultiLineCommentTrivia)) continue;
            var s = tr.ToString();
            foreach (Match w in WordPattern().Matches(s))
                tokens.Add(new CodeToken(TokenKind.CommentWord, w.Value, CommentSynonyms.Canonical(w.Value), tr.SpanStart + w.Index, tr.SpanStart + w.Index + w.Length, tr.IsKind(SyntaxKind.SingleLineCommentTrivia)));
        }
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex WordPattern();
}
