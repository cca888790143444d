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

/// <summary>One mark site: what kind of variation it is, and its two variants as they read.</summary>
public sealed record MarkSite(string Kind, string Variant0, string Variant1);
