namespace Forewarn.Tracing.Text;

/// <summary>
/// A place in the original text with two meaning-preserving variants: the characters
/// [Start, Start + Length) are replaced by <see cref="Variant0"/> or <see cref="Variant1"/> when a
/// copy is rendered. <see cref="Original"/> says which of the two the original itself reads
/// (that variant is the original's characters exactly, so rendering the original's own choice
/// gives back the original byte for byte). Length may be 0 (an optional comma).
/// </summary>
internal sealed record SiteCandidate(int Start, int Length, string Kind, string Variant0, string Variant1, byte Original)
{
    public int End => Start + Length;

    public string Variant(byte choice) => choice == 0 ? Variant0 : Variant1;

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
