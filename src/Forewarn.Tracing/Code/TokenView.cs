namespace Forewarn.Tracing.Code;

/// <summary>
/// Maps a token to what the reader compares in a site's surroundings: the token's meaning with
/// every mark's spelling erased (a renamed local reads as its site, both lines of a swappable
/// import pair read the same), so one site's context does not depend on the other sites' variants.
/// </summary>
internal sealed class TokenNormaliser(IReadOnlyDictionary<string, string> identifiers, IReadOnlyDictionary<string, string> importLines)
{
    public string Norm(CodeToken t) => t.Kind switch
    {
        TokenKind.Identifier => identifiers.TryGetValue(t.Raw, out var n) ? n : t.Raw,
        TokenKind.ImportLine => importLines.TryGetValue(t.Raw, out var n) ? n : t.Raw,
        _ => t.Value,
    };
}

/// <summary>A tokenized text as the reader scans it: with comment words, or code tokens only.</summary>
internal sealed class TokenView
{
    public TokenView(IEnumerable<CodeToken> tokens, bool withComments, TokenNormaliser normaliser)
    {
        Tokens = [.. tokens.Where(t => withComments || !t.IsComment)];
        Raw = [.. Tokens.Select(t => t.Raw)];
        Norm = [.. Tokens.Select(normaliser.Norm)];
        for (var i = 0; i < Raw.Length; i++)
        {
            if (!ByRaw.TryGetValue(Raw[i], out var list)) ByRaw[Raw[i]] = list = [];
            list.Add(i);
        }
    }

    /// <summary>A view whose raw and normalised keys are given (the shape of a source, <see cref="ShapeView"/>).</summary>
    public TokenView(CodeToken[] tokens, string[] raw, string[] norm)
    {
        Tokens = tokens;
        Raw = raw;
        Norm = norm;
        for (var i = 0; i < Raw.Length; i++)
        {
            if (!ByRaw.TryGetValue(Raw[i], out var list)) ByRaw[Raw[i]] = list = [];
            list.Add(i);
        }
    }

    public CodeToken[] Tokens { get; }
    public string[] Raw { get; }
    public string[] Norm { get; }
    public Dictionary<string, List<int>> ByRaw { get; } = new(StringComparer.Ordinal);

    /// <summary>The tokens that overlap [start, end): first index and count.</summary>
    public (int First, int Count) Overlapping(int start, int end)
    {
        var first = -1;
        var count = 0;
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (Tokens[i].End > start && Tokens[i].Start < end)
            {
                if (first < 0) first = i;
                count++;
            }
        }
        return (first, count);
    }
}
