namespace Forewarn.Tracing.Code;

/// <summary>
/// A PoC prepared for marking: the source with every template at its first variant, the sites,
/// and how each is read back. Every rendered copy passes the language's check before it is
/// returned; a copy that fails is refused, never issued.
/// </summary>
internal sealed class MarkedCode(
    string source,
    CodeLanguage language,
    IReadOnlyList<CandidateSite> sites,
    IReadOnlyList<ContextSite?> readers,
    IReadOnlyList<ShapeReader?> shapeReaders,
    TokenNormaliser normaliser,
    CopyCheck check) : IMarkedArtifact
{
    public IReadOnlyList<MarkSite> Sites { get; } = [.. sites.Select((s, i) => SiteLabels.Of(s, i, language))];

    public string Render(IReadOnlyList<byte> codeword)
    {
        ArgumentNullException.ThrowIfNull(codeword);
        if (codeword.Count != sites.Count)
            throw new ArgumentException($"The codeword has {codeword.Count} marks; this PoC has {sites.Count} sites.", nameof(codeword));
        var copy = SourceEdits.Apply(source, sites.Where((_, i) => codeword[i] == 1));
        if (check.Problem(copy) is { } problem)
            throw new CodeMarkException("copy-does-not-compile", $"A marked copy of this {language} PoC failed its check and is not issued: {problem}");
        return copy;
    }

    public IReadOnlyList<byte?> Read(string leaked)
    {
        ArgumentNullException.ThrowIfNull(leaked);
        var tokens = CodeMarks.Tokenize(leaked, language);
        var code = new TokenView(tokens, withComments: false, normaliser);
        var full = new TokenView(tokens, withComments: true, normaliser);
        var lineTokens = CodeMarks.TokenizeLines(leaked, language);
        var codeByLine = new TokenView(lineTokens, withComments: false, normaliser);
        var fullByLine = new TokenView(lineTokens, withComments: true, normaliser);
        TokenView? shape = null, shapeByLine = null;
        if (shapeReaders.Any(r => r is not null))
        {
            shape = ShapeView.Of(tokens, normaliser);
            shapeByLine = ShapeView.Of(lineTokens, normaliser);
        }
        var names = code.Tokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Raw).ToHashSet(StringComparer.Ordinal);
        var read = new byte?[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            if (shapeReaders[i] is { } shaped)
            {
                var whole = shaped.Read(shape!);
                var byLine = shaped.Read(shapeByLine!);
                read[i] = whole is null ? byLine : byLine is null || byLine == whole ? whole : null;
            }
            else if (readers[i] is { } reader)
            {
                // Read whole and line by line (see TokenizeLines); two different answers read as none.
                var whole = reader.Read(reader.InComments ? full : code);
                var byLine = reader.Read(reader.InComments ? fullByLine : codeByLine);
                read[i] = whole is null ? byLine : byLine is null || byLine == whole ? whole : null;
            }
            else
            {
                // A renamed local: which of its two names the copy uses (both: a mix of copies, unreadable).
                bool has0 = names.Contains(sites[i].Variant0), has1 = names.Contains(sites[i].Variant1);
                read[i] = has0 == has1 ? null : has0 ? (byte)0 : (byte)1;
            }
        }
        return read;
    }
}
