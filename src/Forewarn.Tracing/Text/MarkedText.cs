using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// A text prepared for fingerprinting (<see cref="TextMarks.Prepare"/>): its mark sites, each copy
/// rendered by swapping variants in place, and a leaked copy read back through each site's
/// context in the canonical form, so that e-mail and chat normalisation, fragments and reordered
/// or deleted sentences leave the sites that remain readable.
/// </summary>
/// <remarks>
/// A placed site is a codeword position of its own, except (version 2) that the sites of one
/// convention group share one position (every British spelling of a copy, or every American one)
/// and that an author's template of 2^k variants takes k positions (their bits, lowest first,
/// choose the variant). A position reads null when its places disagree.
/// </remarks>
public sealed class MarkedText : IMarkedArtifact
{
    private readonly string original;
    private readonly IReadOnlyList<SiteCandidate> placed;
    private readonly IReadOnlyList<Regex> locators;
    private readonly IReadOnlyList<Regex?> bare;
    private readonly int[] firstPosition;

    internal MarkedText(string original, IReadOnlyList<SiteCandidate> placed, IReadOnlyList<Regex> locators, IReadOnlyList<Regex?>? bare = null)
    {
        this.original = original;
        this.placed = placed;
        this.locators = locators;
        this.bare = bare ?? new Regex?[placed.Count];
        firstPosition = new int[placed.Count];
        var sites = new List<MarkSite>();
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var votes = new List<int>();
        for (var i = 0; i < placed.Count; i++)
        {
            var s = placed[i];
            if (s.Group is { } group && groups.TryGetValue(group, out var shared))
            {
                firstPosition[i] = shared;
                votes[shared] += s.Original == 0 ? -1 : 1;
                continue;
            }
            firstPosition[i] = sites.Count;
            if (s.Group is not null) groups.Add(s.Group, sites.Count);
            var bits = Bits(s);
            for (var b = 0; b < bits; b++)
            {
                sites.Add(SiteOf(s, b, bits));
                votes.Add(bits == 1 ? (s.Original == 0 ? -1 : 1) : ((s.Original >> b) & 1) == 0 ? -1 : 1);
            }
        }
        Sites = sites;
        // A group's original choice is the convention most of its places carry (all of them, in an original that keeps one).
        OriginalCodeword = [.. votes.Select(v => v > 0 ? (byte)1 : (byte)0)];
    }

    public IReadOnlyList<MarkSite> Sites { get; }

    /// <summary>The variant the original itself carries at each site: rendering it gives back the original exactly (a version-2 original that mixes spelling conventions comes back in its majority convention).</summary>
    public IReadOnlyList<byte> OriginalCodeword { get; }

    public string Render(IReadOnlyList<byte> codeword)
    {
        ArgumentNullException.ThrowIfNull(codeword);
        if (codeword.Count != Sites.Count) throw new ArgumentException($"The codeword has {codeword.Count} marks; the text has {Sites.Count} sites.", nameof(codeword));
        return SiteLocator.Render(original, placed, i => Choice(i, codeword));
    }

    public IReadOnlyList<byte?> Read(string leaked)
    {
        ArgumentNullException.ThrowIfNull(leaked);
        var canonical = TextNormaliser.Canonical(leaked);
        var read = new byte?[Sites.Count];
        var conflict = new bool[Sites.Count];
        for (var i = 0; i < placed.Count; i++)
        {
            var found = SiteLocator.Read(locators[i], canonical);
            // A template's words around it may be rewritten; its variants alone still say which it is.
            if (found is null && bare[i] is { } alone && !locators[i].IsMatch(canonical)) found = SiteLocator.Read(alone, canonical);
            if (found is not { } variant) continue;
            var bits = Bits(placed[i]);
            for (var b = 0; b < bits; b++)
            {
                var p = firstPosition[i] + b;
                var bit = (byte)((variant >> b) & 1);
                if (read[p] is { } seen && seen != bit) conflict[p] = true;
                read[p] = bit;
            }
        }
        for (var p = 0; p < read.Length; p++)
        {
            if (conflict[p]) read[p] = null;
        }
        return read;
    }

    private byte Choice(int site, IReadOnlyList<byte> codeword)
    {
        var bits = Bits(placed[site]);
        var choice = 0;
        for (var b = 0; b < bits; b++)
        {
            if (codeword[firstPosition[site] + b] != 0) choice |= 1 << b;
        }
        return (byte)choice;
    }

    /// <summary>
    /// Kinds whose every site a normaliser moves the same way — contractions expanded, counts as
    /// digits, abbreviations spelled out — are one class with forms a normaliser sees, so a copy
    /// made uniform across the kind is recognised (<see cref="Trace.UnreadClasses"/>). Synonym pairs
    /// have no such direction: each pair is its own class. Classes never change a copy.
    /// </summary>
    private static MarkSite KindWide(MarkSite site) => site.Kind switch
    {
        PhrasePairs.Contraction => site with { Class = site.Kind, Form0 = Contracted(site.Variant0), Form1 = Contracted(site.Variant1) },
        PhrasePairs.Abbreviation => site with { Class = site.Kind, Form0 = Abbreviated(site.Variant0), Form1 = Abbreviated(site.Variant1) },
        "number" => site with { Class = site.Kind, Form0 = Digits(site.Variant0), Form1 = Digits(site.Variant1) },
        _ => site,
    };

    private static string Contracted(string variant) => variant.Contains('\'') || variant.Contains('’') ? "contracted" : "expanded";

    private static string Abbreviated(string variant) => variant.Contains('.') ? "abbreviated" : "spelled-out";

    private static string Digits(string variant) => variant.Length > 0 && char.IsDigit(variant[0]) ? "digits" : "words";

    private static int Bits(SiteCandidate s) => System.Numerics.BitOperations.Log2((uint)s.Variants.Count);

    private static MarkSite SiteOf(SiteCandidate s, int bit, int bits)
    {
        if (bits == 1)
        {
            var site = KindWide(new MarkSite(s.Kind, s.Variant0, s.Variant1));
            if (s.Class is not null) site = site with { Class = s.Class };
            if (s.Form0 is not null) site = site with { Form0 = s.Form0 };
            if (s.Form1 is not null) site = site with { Form1 = s.Form1 };
            return site;
        }
        // Position b of a q-ary template: the variants whose bit b is 0, and those whose bit b is 1.
        var zero = string.Join(" | ", s.Variants.Where((_, v) => ((v >> bit) & 1) == 0));
        var one = string.Join(" | ", s.Variants.Where((_, v) => ((v >> bit) & 1) == 1));
        if (s.PositionForms is { } forms) return new MarkSite(s.Kind, zero, one) { Class = forms[bit].Class, Form0 = forms[bit].Form0, Form1 = forms[bit].Form1 };
        return new MarkSite(s.Kind, zero, one)
        {
            Class = $"{s.Class ?? s.Kind}:bit{bit}",
            Form0 = $"bit{bit}:0",
            Form1 = $"bit{bit}:1",
        };
    }
}
