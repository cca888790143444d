using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// How each site is found again in a leaked copy: a pattern over the canonical text (see
/// <see cref="TextNormaliser"/>) made of a few tokens of the original either side of the site —
/// a neighbouring site counts as "either of its variants" — with the site itself as "variant 0
/// or variant 1". Context stops at a sentence end or line break (so that reordered sentences
/// still read), but always holds at least one plain token on each side (so that a fragment cut
/// inside a site cannot pass for the other variant). A site is kept only if its pattern matches
/// exactly once, and reads the right variant, in the original and in the all-0 and all-1 copies,
/// also without the token borrowed across a sentence end; when it does not, a longer context
/// within the sentence is tried, then the site is dropped.
/// </summary>
internal static class SiteLocator
{
    private static readonly int[] Widths = [4, 8, 16];

    private readonly record struct Element(string? Token, int Site, bool Boundary);

    public static (List<SiteCandidate> Sites, List<Regex> Locators) Locate(string original, IReadOnlyList<SiteCandidate> candidates)
    {
        var sites = candidates.ToList();
        while (true)
        {
            var elements = Elements(original, sites);
            var checks = new[]
            {
                (Text: TextNormaliser.Canonical(Render(original, sites, i => sites[i].Original)), Choice: (Func<SiteCandidate, byte>)(s => s.Original)),
                (Text: TextNormaliser.Canonical(Render(original, sites, _ => 0)), Choice: _ => 0),
                (Text: TextNormaliser.Canonical(Render(original, sites, _ => 1)), Choice: _ => 1),
            };
            var locators = new List<Regex>(sites.Count);
            var kept = new List<SiteCandidate>(sites.Count);
            for (var k = 0; k < sites.Count; k++)
            {
                Regex? locator = null;
                foreach (var width in Widths)
                {
                    if (Pattern(elements, sites, k, width) is not { } pattern) break;
                    if (!checks.All(c => ReadsOnce(pattern.Core, c.Text, c.Choice(sites[k])) && ReadsOnce(pattern.Locator, c.Text, c.Choice(sites[k])))) continue;
                    locator = pattern.Locator;
                    break;
                }
                if (locator is null) continue;
                kept.Add(sites[k]);
                locators.Add(locator);
            }
            if (kept.Count == sites.Count) return (kept, locators);
            sites = kept; // a dropped site is now plain text in its neighbours' context: build again
        }
    }

    /// <summary>The variant read at a site from every match of its locator (null: none, or matches disagree).</summary>
    public static byte? Read(Regex locator, string canonical)
    {
        byte? value = null;
        foreach (Match match in locator.Matches(canonical))
        {
            var v = match.Groups["v0"].Success ? (byte)0 : (byte)1;
            if (value is { } seen && seen != v) return null;
            value = v;
        }
        return value;
    }

    /// <summary>The original with site i replaced by its variant <paramref name="choiceAt"/>(i).</summary>
    public static string Render(string original, IReadOnlyList<SiteCandidate> sites, Func<int, byte> choiceAt)
    {
        var builder = new StringBuilder(original.Length + sites.Count * 8);
        var position = 0;
        for (var i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            builder.Append(original, position, site.Start - position).Append(site.Variant(choiceAt(i)));
            position = site.End;
        }
        return builder.Append(original, position, original.Length - position).ToString();
    }

    private static bool ReadsOnce(Regex locator, string canonical, byte expected)
    {
        var matches = locator.Matches(canonical);
        return matches.Count == 1 && (matches[0].Groups["v0"].Success ? 0 : 1) == expected;
    }

    private static List<Element> Elements(string original, IReadOnlyList<SiteCandidate> sites)
    {
        var elements = new List<Element>();
        var lastEnd = 0;
        void Between(int upTo)
        {
            if (original.AsSpan(lastEnd, upTo - lastEnd).Contains('\n')) elements.Add(new Element(null, -1, true));
        }
        void Literal(int from, int to)
        {
            foreach (var token in TextNormaliser.Tokenize(original[from..to], from))
            {
                Between(token.Start);
                elements.Add(new Element(token.Text, -1, false));
                lastEnd = token.End;
                if (original[token.Start] is '.' or '!' or '?' && (token.End == original.Length || char.IsWhiteSpace(original[token.End])))
                    elements.Add(new Element(null, -1, true));
            }
        }
        var position = 0;
        for (var k = 0; k < sites.Count; k++)
        {
            Literal(position, sites[k].Start);
            Between(sites[k].Start);
            elements.Add(new Element(null, k, false));
            lastEnd = position = sites[k].End;
        }
        Literal(position, original.Length);
        return elements;
    }

    /// <summary>
    /// The site's locator, and its core: the same without the token borrowed across a sentence end.
    /// The core must be unique on its own, because sentences may come in any order in a leak — a
    /// sentence repeated in the original gives no site, whatever precedes it.
    /// </summary>
    private static (Regex Locator, Regex Core)? Pattern(List<Element> elements, IReadOnlyList<SiteCandidate> sites, int site, int width)
    {
        var at = elements.FindIndex(e => e.Site == site && e.Token is null && !e.Boundary);
        if (Context(elements, at, -1, width) is not var (leftWithin, leftBeyond)) return null;
        if (Context(elements, at, +1, width) is not var (rightWithin, rightBeyond)) return null;
        var center = $"(?:(?<v0>{Tokens(sites[site].Variant0)})|(?<v1>{Tokens(sites[site].Variant1)}))";
        // "(?<= )", not " ": two matches side by side must not compete for the space between them.
        var core = "(?<= )" + Concat(leftWithin, sites) + center + Concat(rightWithin, sites);
        var locator = "(?<= )" + Concat(leftBeyond, sites) + Concat(leftWithin, sites) + center + Concat(rightWithin, sites) + Concat(rightBeyond, sites);
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        return (new Regex(locator, options), new Regex(core, options));
    }

    /// <summary>
    /// Up to <paramref name="width"/> elements from the site outwards within its sentence, and — only
    /// when the sentence gives no plain token on that side — the elements up to the first plain
    /// token beyond the sentence end. Null at the edge of the text without a plain token.
    /// </summary>
    private static (List<Element> Within, List<Element> Beyond)? Context(List<Element> elements, int at, int step, int width)
    {
        var within = new List<Element>();
        var beyond = new List<Element>();
        var plain = 0;
        var crossed = false;
        for (var i = at + step; i >= 0 && i < elements.Count; i += step)
        {
            var e = elements[i];
            if (e.Boundary)
            {
                if (plain > 0) break;
                crossed = true;
                continue;
            }
            if (plain > 0 && (within.Count >= width || crossed)) break;
            (crossed ? beyond : within).Add(e);
            if (e.Token is not null) plain++;
        }
        if (plain == 0) return null;
        if (step < 0)
        {
            within.Reverse();
            beyond.Reverse();
        }
        return (within, beyond);
    }

    private static string Concat(List<Element> context, IReadOnlyList<SiteCandidate> sites)
    {
        var builder = new StringBuilder();
        foreach (var e in context) Append(builder, e, sites);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Element e, IReadOnlyList<SiteCandidate> sites)
    {
        if (e.Token is not null) builder.Append(Regex.Escape(e.Token)).Append(' ');
        else builder.Append("(?:").Append(Tokens(sites[e.Site].Variant0)).Append('|').Append(Tokens(sites[e.Site].Variant1)).Append(')');
    }

    private static string Tokens(string variant) =>
        string.Concat(TextNormaliser.Tokenize(variant).Select(t => Regex.Escape(t.Text) + " "));
}
