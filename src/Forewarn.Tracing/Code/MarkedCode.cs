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

    private readonly bool[] neutral = CompileNeutral.For(source, sites, language);

    public string Render(IReadOnlyList<byte> codeword)
    {
        ArgumentNullException.ThrowIfNull(codeword);
        if (codeword.Count != sites.Count)
            throw new ArgumentException($"The codeword has {codeword.Count} marks; this PoC has {sites.Count} sites.", nameof(codeword));
        var (copy, checkedText) = Texts(codeword);
        if (check.Problem(checkedText) is { } problem)
            throw new CodeMarkException("copy-does-not-compile", $"A marked copy of this {language} PoC failed its check and is not issued: {problem}");
        return copy;
    }

    /// <summary>
    /// The copy, and the text its check compiles: the copy with its compile-neutral sites at 0
    /// (<see cref="CompileNeutral"/>), which compiles exactly when the copy does and has far fewer
    /// variants, so that its statements are more often known to compile already.
    /// </summary>
    internal (string Copy, string Checked) Texts(IReadOnlyList<byte> codeword)
    {
        var flipped = Enumerable.Range(0, sites.Count).Where(i => codeword[i] == 1).ToList();
        var copy = SourceEdits.Apply(source, flipped.Select(i => sites[i]));
        return flipped.Any(i => neutral[i]) ? (copy, SourceEdits.Apply(source, flipped.Where(i => !neutral[i]).Select(i => sites[i]))) : (copy, copy);
    }

    /// <summary>The check every copy passes (for tests: how many compiles it asked for).</summary>
    internal CopyCheck Check => check;

    /// <summary>
    /// Compiles ahead, for a Python PoC, every variant of each top-level statement whose sites (other
    /// than compile-neutral ones, which the check leaves at 0) give at most <paramref name="perStatement"/>
    /// variants — the texts made with those sites in every combination and the others at 0 — up to
    /// <paramref name="budget"/> texts in all; statements with more are left to the copies' own
    /// checks. Only an optimisation: every copy is still checked as <see cref="Render"/> says, and a
    /// statement counts as compiled only when its exact text did (<see cref="PythonCheck.Precompile"/>).
    /// Returns the statements compiled.
    /// </summary>
    internal int Precheck(int perStatement, int budget)
    {
        if (check is not PythonCheck python || !PythonCheck.ClaimAhead(source)) return 0;
        var copies = new List<string>();
        var compiled = 0;
        foreach (var group in StatementSites())
        {
            if (group.Count >= 31 || 1 << group.Count > perStatement) continue;
            for (var mask = 0; mask < 1 << group.Count && budget > 0; mask++, budget--)
            {
                var m = mask;
                copies.Add(SourceEdits.Apply(source, group.Where((_, b) => (m >> b & 1) == 1).Select(i => sites[i])));
                if (copies.Count == 256) compiled += Flush();
            }
        }
        return compiled + Flush();

        int Flush()
        {
            var n = python.Precompile(copies);
            copies.Clear();
            return n;
        }
    }

    /// <summary>How many top-level statements have more variants than <see cref="Precheck"/> compiles ahead.</summary>
    internal int StatementsBeyond(int perStatement) => StatementSites().Count(g => g.Count >= 31 || 1 << g.Count > perStatement);

    /// <summary>For each top-level statement of the source that sites change, the sites (not compile-neutral) that change it.</summary>
    private IEnumerable<List<int>> StatementSites()
    {
        var starts = PythonStatements.Starts(source);
        int RunOf(int at)
        {
            var k = starts.BinarySearch(at);
            return k >= 0 ? k : ~k - 1;
        }
        var touching = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < sites.Count; i++)
        {
            if (neutral[i]) continue;
            foreach (var (from, to) in Spans(sites[i]))
            {
                for (var r = RunOf(from); r <= RunOf(Math.Max(from, to - 1)); r++)
                {
                    if (!touching.TryGetValue(r, out var list)) touching[r] = list = [];
                    if (list.Count == 0 || list[^1] != i) list.Add(i);
                }
            }
        }
        return touching.Values;
    }

    /// <summary>The places of the source a site's variant 1 changes.</summary>
    private static IEnumerable<(int From, int To)> Spans(CandidateSite site)
    {
        if (site.Swap is { } swap) yield return (swap.AStart, swap.BEnd);
        foreach (var e in site.Edits) yield return (e.Start, Math.Max(e.End, e.Start + 1));
        foreach (var p in site.Choice?.Places ?? []) yield return (p, p + site.Choice!.Names[0].Length);
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
