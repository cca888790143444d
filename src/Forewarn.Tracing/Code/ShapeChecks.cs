namespace Forewarn.Tracing.Code;

/// <summary>
/// Builds the reader of a version-2 site (a swap or a scoped rename) and keeps it only when it
/// reads right, and never wrong, in the copies with every site at 0, every site at 1 and only this
/// site flipped — whole, and line by line.
/// </summary>
internal sealed class ShapeChecks
{
    // A seam: the last tokens of one piece and the first of the next (enough to take in a definition's name).
    private const int Tail = 3;
    private const int Head = 5;

    private readonly string text;
    private readonly CodeLanguage language;
    private readonly TokenNormaliser normaliser;
    private readonly TokenView zero;
    private readonly (TokenView Whole, TokenView Lines)[] fixedViews;

    public ShapeChecks(string text, string oneText, CodeLanguage language, TokenNormaliser normaliser)
    {
        this.text = text;
        this.language = language;
        this.normaliser = normaliser;
        zero = View(text, lines: false);
        fixedViews = [(zero, View(text, lines: true)), (View(oneText, lines: false), View(oneText, lines: true))];
    }

    private TokenView View(string source, bool lines) =>
        ShapeView.Of(lines ? CodeMarks.TokenizeLines(source, language) : CodeMarks.Tokenize(source, language), normaliser);

    public ShapeReader? ReaderOf(CandidateSite site)
    {
        ShapeReader? reader = site.Swap is { } swap ? SeamOf(swap) : SignaturesOf(site);
        if (reader is null) return null;
        var flipped = SourceEdits.Apply(text, [site]);
        var checks = new[] { (fixedViews[0], 0), (fixedViews[1], 1), ((View(flipped, false), View(flipped, true)), 1) };
        foreach (var ((whole, lines), expected) in checks)
        {
            if (reader.Read(whole) != expected) return null;
            if (reader.Read(lines) is { } r && r != expected) return null;
        }
        return reader;
    }

    private SeamReader? SeamOf(SwapRegion swap)
    {
        var a = Within(swap.AStart, swap.AEnd);
        var b = Within(swap.BStart, swap.BEnd);
        if (a.Count == 0 || b.Count == 0) return null;
        string[] TailOf(List<int> p) => [.. p.TakeLast(Tail).Select(i => zero.Norm[i])];
        string[] HeadOf(List<int> p) => [.. p.Take(Head).Select(i => zero.Norm[i])];
        string[] seam0 = [.. TailOf(a), .. HeadOf(b)], seam1 = [.. TailOf(b), .. HeadOf(a)];
        return seam0.SequenceEqual(seam1) ? null : new SeamReader(seam0, seam1);
    }

    private List<int> Within(int start, int end) =>
        [.. Enumerable.Range(0, zero.Tokens.Length).Where(i => zero.Tokens[i].Start >= start && zero.Tokens[i].End <= end)];

    private SignatureReader? SignaturesOf(CandidateSite site)
    {
        var edited = site.Edits.Select(e => e.Start).ToHashSet();
        var own = new HashSet<string>(StringComparer.Ordinal);
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in SignatureReader.Occurrences(zero, site.Variant0))
            (edited.Contains(zero.Tokens[i].Start) ? own : others).Add(SignatureReader.Signature(zero, i));
        own.ExceptWith(others);
        var names = site.Choice?.Names ?? [site.Variant0, site.Variant1];
        if (!site.Scoped) return new SignatureReader(names, null, site.Bit);
        return own.Count == 0 ? null : new SignatureReader(names, own, site.Bit);
    }
}
