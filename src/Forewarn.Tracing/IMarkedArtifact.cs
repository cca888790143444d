namespace Forewarn.Tracing;

/// <summary>
/// An artifact prepared for fingerprinting: its mark sites — places with two meaning-preserving
/// variants, 0 and 1 — found once in the original. A recipient's copy is the original rendered
/// with the recipient's codeword (one variant per site, from <see cref="Forewarn.Tracing.Tardos.TardosCode"/>);
/// reading a leaked copy gives, per site, the variant found or null when the site is gone or unreadable.
/// </summary>
public interface IMarkedArtifact
{
    /// <summary>The mark sites, in a fixed order: site i is codeword position i.</summary>
    IReadOnlyList<MarkSite> Sites { get; }

    /// <summary>The copy for a codeword (one 0/1 per site). The same codeword always gives the same bytes.</summary>
    string Render(IReadOnlyList<byte> codeword);

    /// <summary>The variant found at each site of a leaked text (null: not found or ambiguous).</summary>
    IReadOnlyList<byte?> Read(string leaked);
}

/// <summary>
/// One mark site: what kind of variation it is, and its two variants as they read. A normalising
/// leaker acts on a whole <see cref="Class"/> at once (every British spelling made American, every
/// quote made double): sites of one class are judged together, from the leak alone, by
/// <see cref="Trace.UnreadClasses"/>. <see cref="Form0"/> and <see cref="Form1"/> say what a
/// normaliser sees in each variant (the word, or the style such as "single-quote"); a class is
/// uniform in a leak when every read site shows the same form.
/// </summary>
public sealed record MarkSite(string Kind, string Variant0, string Variant1)
{
    /// <summary>The variant class: by default the kind and the unordered pair of forms.</summary>
    public string Class { get; init; } = DefaultClass(Kind, Variant0, Variant1);

    /// <summary>What a normaliser sees in variant 0 (by default the variant, lower case).</summary>
    public string Form0 { get; init; } = Variant0.ToLowerInvariant();

    /// <summary>What a normaliser sees in variant 1 (by default the variant, lower case).</summary>
    public string Form1 { get; init; } = Variant1.ToLowerInvariant();

    /// <summary>The form read at this site for a read variant.</summary>
    public string FormOf(byte variant) => variant == 0 ? Form0 : Form1;

    private static string DefaultClass(string kind, string variant0, string variant1)
    {
        var a = variant0.ToLowerInvariant();
        var b = variant1.ToLowerInvariant();
        return string.CompareOrdinal(a, b) <= 0 ? $"{kind}:{a}|{b}" : $"{kind}:{b}|{a}";
    }
}
