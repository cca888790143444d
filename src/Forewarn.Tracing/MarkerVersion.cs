namespace Forewarn.Tracing;

/// <summary>
/// Which generation of the mark finders prepared an artifact. A copy served once must regenerate
/// byte for byte for as long as the artifact exists (an access record keeps its SHA-256), so an
/// artifact keeps the version it was first prepared with and new kinds of site only reach
/// artifacts added after them. Version 1: the finders of the first fingerprinting round (per-site
/// spellings, phrase pairs, numbers, serial commas; code quote, integer, local-name, comment-word
/// and import-order sites). Version 2: the collusion round (issue 16).
/// </summary>
public static class MarkerVersion
{
    public const int First = 1;
    public const int Current = 2;

    public static bool IsKnown(int version) => version is >= First and <= Current;
}
