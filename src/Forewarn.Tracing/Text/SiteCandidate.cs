namespace Forewarn.Tracing.Text;

/// <summary>
/// A place in the original text with meaning-preserving variants: the characters
/// [Start, Start + Length) are replaced by one of <see cref="Variants"/> when a copy is rendered.
/// <see cref="Original"/> says which one the original itself reads (that variant is the original's
/// characters exactly, so rendering the original's own choice gives back the original byte for
/// byte). Length may be 0 (an optional comma). Most sites have two variants; an author's q-ary
/// template has 4 or 8 (version 2).
/// </summary>
internal sealed record SiteCandidate(int Start, int Length, string Kind, string Variant0, string Variant1, byte Original)
{
    public int End => Start + Length;

    /// <summary>All variants, variant 0 first (2, 4 or 8).</summary>
    public IReadOnlyList<string> Variants { get; init; } = [Variant0, Variant1];

    /// <summary>
    /// Sites with the same group share one codeword position and are rendered alike (version 2: a
    /// copy keeps one spelling convention throughout). Null: the site is a position of its own.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>
    /// An order site: the text is item A = [Start, SwapAEnd), a separator, item B = [SwapBStart, End);
    /// variant 1 swaps the items. Other sites may lie inside an item (they move with it).
    /// </summary>
    public (int AEnd, int BStart)? Swap { get; init; }

    /// <summary>Declared by the author (a template): its variants are the author's word, not a finder's.</summary>
    public bool Authored { get; init; }

    /// <summary>The variant class, and the forms a normaliser sees (null: <see cref="MarkSite"/>'s defaults).</summary>
    public string? Class { get; init; }

    public string? Form0 { get; init; }

    public string? Form1 { get; init; }

    /// <summary>For a site of 4 or 8 variants found automatically: each position's class and forms (null: per-site classes as for templates).</summary>
    public IReadOnlyList<(string Class, string Form0, string Form1)>? PositionForms { get; init; }

    public string Variant(byte choice) => Variants[choice];

    /// <summary>Whether <paramref name="inner"/> lies inside one of this order site's items (an empty site strictly inside).</summary>
    public bool Contains(SiteCandidate inner) =>
        Swap is { } swap && !ReferenceEquals(inner, this) && (Within(inner, Start, swap.AEnd) || Within(inner, swap.BStart, End));

    /// <summary>Whether <paramref name="site"/> touches the inside of this order site at all.</summary>
    public bool Overlaps(SiteCandidate site) => site.Start < End && site.End > Start && !(site.Length == 0 && (site.Start == Start || site.Start == End));

    private static bool Within(SiteCandidate s, int from, int to) =>
        s.Length > 0 ? s.Start >= from && s.End <= to : s.Start > from && s.Start < to;

    public static SiteCandidate FromOriginal(int start, string originalText, string otherText, string kind, bool originalIsVariant0) =>
        originalIsVariant0
            ? new SiteCandidate(start, originalText.Length, kind, originalText, otherText, 0)
            : new SiteCandidate(start, originalText.Length, kind, otherText, originalText, 1);
}

/// <summary>Finds mark sites of one kind in an original text, never where <see cref="ProtectedText"/> forbids.</summary>
internal interface ISiteFinder
{
    IEnumerable<SiteCandidate> Find(string text, ProtectedText protect);
}
