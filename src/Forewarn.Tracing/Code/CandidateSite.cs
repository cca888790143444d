namespace Forewarn.Tracing.Code;

/// <summary>One replacement in the source a site makes when it takes variant 1.</summary>
internal sealed record SiteEdit(int Start, int Length, string Text1)
{
    public int End => Start + Length;
}

/// <summary>
/// A place the PoC may vary: variant 0 is the source as it stands, variant 1 applies the edits.
/// A renamed local is one site with an edit at every occurrence (<see cref="Renames"/>); every
/// other site is one edit, read back from the tokens around it.
/// </summary>
internal sealed record CandidateSite(string Kind, IReadOnlyList<SiteEdit> Edits, string Variant0, string Variant1, bool IsTemplate = false)
{
    public bool Renames => Kind == SiteKinds.LocalName;

    public int Start => Edits.Min(e => e.Start);

    public bool Overlaps(CandidateSite other) =>
        Edits.Any(e => other.Edits.Any(o => e.Start < o.End && o.Start < e.End));
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
}
