using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// A text prepared for fingerprinting (<see cref="TextMarks.Prepare"/>): its mark sites, each copy
/// rendered by swapping variants in place, and a leaked copy read back through each site's
/// context in the canonical form, so that e-mail and chat normalisation, fragments and reordered
/// or deleted sentences leave the sites that remain readable.
/// </summary>
public sealed class MarkedText : IMarkedArtifact
{
    private readonly string original;
    private readonly IReadOnlyList<SiteCandidate> placed;
    private readonly IReadOnlyList<Regex> locators;

    internal MarkedText(string original, IReadOnlyList<SiteCandidate> placed, IReadOnlyList<Regex> locators)
    {
        this.original = original;
        this.placed = placed;
        this.locators = locators;
        Sites = [.. placed.Select(s => new MarkSite(s.Kind, s.Variant0, s.Variant1))];
        OriginalCodeword = [.. placed.Select(s => s.Original)];
    }

    public IReadOnlyList<MarkSite> Sites { get; }

    /// <summary>The variant the original itself carries at each site: rendering it gives back the original exactly.</summary>
    public IReadOnlyList<byte> OriginalCodeword { get; }

    public string Render(IReadOnlyList<byte> codeword)
    {
        ArgumentNullException.ThrowIfNull(codeword);
        if (codeword.Count != placed.Count) throw new ArgumentException($"The codeword has {codeword.Count} marks; the text has {placed.Count} sites.", nameof(codeword));
        return SiteLocator.Render(original, placed, i => codeword[i] == 0 ? (byte)0 : (byte)1);
    }

    public IReadOnlyList<byte?> Read(string leaked)
    {
        ArgumentNullException.ThrowIfNull(leaked);
        var canonical = TextNormaliser.Canonical(leaked);
        var read = new byte?[locators.Count];
        for (var i = 0; i < read.Length; i++) read[i] = SiteLocator.Read(locators[i], canonical);
        return read;
    }
}
