namespace Forewarn.Tracing.Code;

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Punctuation,
    CommentWord,
    ImportLine,
}

/// <summary>
/// One token of a source text as the marks see it. <see cref="Value"/> is what the token means
/// regardless of its spelling where marks vary the spelling (a number's value, a string's content,
/// a comment word's synonym group); <see cref="Eligible"/> is false for words of comments that
/// tools read (shebangs, pragmas, type comments), which are never varied.
/// </summary>
internal sealed record CodeToken(TokenKind Kind, string Raw, string Value, int Start, int End, bool Eligible = true)
{
    public bool IsComment => Kind == TokenKind.CommentWord;
}
