namespace Forewarn.Tracing.Code;

/// <summary>One replacement in the source a site makes when it takes variant 1.</summary>
internal sealed record SiteEdit(int Start, int Length, string Text1)
{
    public int End => Start + Length;
}

/// <summary>
/// Two adjacent pieces of the source, A = [AStart, AEnd) and B = [BStart, BEnd), that may come in
/// either order; what lies between them (a separator, blank lines) stays where it is.
/// </summary>
internal sealed record SwapRegion(int AStart, int AEnd, int BStart, int BEnd)
{
    public bool Within(int start, int end) => start >= AStart && end <= AEnd || start >= BStart && end <= BEnd || start >= AEnd && end <= BStart;

    public bool Crosses(SiteEdit e) => new[] { AStart, AEnd, BStart, BEnd }.Any(p => e.Start < p && p < e.End) || (e.Start < AStart && e.End > BEnd);
}

/// <summary>
/// A choice among 2^k texts (version 2): a q-ary rename — a local with four natural names, Names[0]
/// the one the author wrote, renamed at every one of its occurrences (the edits' places) — or a
/// q-ary author template, its variants at one place. Names[index] stands at every place, where the
/// index's k bits are k consecutive sites, all chosen by one recipient's codeword, so a copy mixed
/// from several recipients' copies still shows one recipient's bits together.
/// </summary>
internal sealed record NameChoice(IReadOnlyList<string> Names, IReadOnlyList<int> Places)
{
    public IEnumerable<SiteEdit> EditsFor(int index) => Places.Select(p => new SiteEdit(p, Names[0].Length, Names[index]));
}

/// <summary>
/// A place the PoC may vary: variant 0 is the source as it stands, variant 1 applies the edits.
/// A renamed local is one site with an edit at every occurrence (<see cref="Renames"/>); a
/// <see cref="Swap"/> site (version 2) exchanges two pieces instead, and may hold other sites'
/// edits inside its pieces; every other site is one edit, read back from the tokens around it.
/// <see cref="Scoped"/> (version 2): a renamed local whose name other scopes also use, read by the
/// tokens around its own occurrences rather than by which name the copy holds.
/// </summary>
internal sealed record CandidateSite(string Kind, IReadOnlyList<SiteEdit> Edits, string Variant0, string Variant1, bool IsTemplate = false)
{
    public SwapRegion? Swap { get; init; }

    public bool Scoped { get; init; }

    /// <summary>The four names this site chooses among, with <see cref="Bit"/> its bit of the index (version 2).</summary>
    public NameChoice? Choice { get; init; }

    public int Bit { get; init; }

    public bool Renames => Kind == SiteKinds.LocalName;

    public int Start => Swap?.AStart ?? Edits.Min(e => e.Start);

    public bool Overlaps(CandidateSite other)
    {
        if (Choice is not null && ReferenceEquals(Choice, other.Choice)) return false;
        if (Swap is { } s && other.Swap is { } o)
            return !(s.BEnd <= o.AStart || o.BEnd <= s.AStart || s.Within(o.AStart, o.BEnd) || o.Within(s.AStart, s.BEnd));
        if (Swap is { } mine) return other.Edits.Any(mine.Crosses);
        if (other.Swap is { } theirs) return Edits.Any(theirs.Crosses);
        return Edits.Any(e => other.Edits.Any(o => e.Start < o.End && o.Start < e.End));
    }
}

/// <summary>The kinds of mark site, as <see cref="MarkSite.Kind"/> names them.</summary>
internal static class SiteKinds
{
    public const string Template = "template";
    public const string IntegerForm = "integer-form";
    public const string QuoteStyle = "quote-style";
    public const string LocalName = "local-name";
    public const string CommentWord = "comment-word";
    public const string ImportOrder = "import-order";

    // Version 2: orders that formatters and comment stripping keep.
    public const string DefinitionOrder = "definition-order";
    public const string StatementOrder = "statement-order";
    public const string ArgumentOrder = "argument-order";
}
