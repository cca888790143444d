using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// How each site is found again in a leaked copy: a pattern over the canonical text (see
/// <see cref="TextNormaliser"/>) made of a few tokens of the original either side of the site —
/// a neighbouring site counts as "any of its variants" — with the site itself as "variant 0 or
/// variant 1 (or …)". Context stops at a sentence end or line break (so that reordered sentences
/// still read), but always holds at least one plain token on each side (so that a fragment cut
/// inside a site cannot pass for the other variant). A site is kept only if its pattern matches
/// exactly once, and reads the right variant, in the original and in the all-0 and all-1 copies
/// (and all-2 … for sites of more variants), also without the token borrowed across a sentence
/// end; when it does not, a longer context within the sentence is tried, then the site is dropped.
/// An order site (two items that may swap) is seen from outside as one element, its two
/// arrangements as the variants; a site inside one of its items is located within the item (its
/// edges count as sentence ends), so it reads whichever way the items stand.
/// </summary>
internal static class SiteLocator
{
    private static readonly int[] Widths = [4, 8, 16];

    private readonly record struct Element(string? Token, int Site, bool Boundary);

    public static (List<SiteCandidate> Sites, List<Regex> Locators) Locate(string original, IReadOnlyList<SiteCandidate> candidates)
    {
        var (sites, locators, _) = LocateWithBare(original, candidates);
        return (sites, locators);
    }

    /// <summary>
    /// As <see cref="Locate"/>, and for each author template whose variants are found nowhere else
    /// in any check copy, a bare locator — the variants alone — that reads it when the words around
    /// it were rewritten (a template's variants are details a rewrite keeps); null otherwise.
    /// </summary>
    public static (List<SiteCandidate> Sites, List<Regex> Locators, List<Regex?> Bare) LocateWithBare(string original, IReadOnlyList<SiteCandidate> candidates)
    {
        var sites = candidates.ToList();
        while (true)
        {
            var outer = Elements(original, sites, Outer(sites), []);
            var most = sites.Count == 0 ? 2 : sites.Max(s => s.Variants.Count);
            var checks = new List<(string Text, Func<SiteCandidate, byte> Choice)>
            {
                (TextNormaliser.Canonical(Render(original, sites, i => sites[i].Original)), s => s.Original),
            };
            for (var j = 0; j < most; j++)
            {
                var all = j;
                checks.Add((TextNormaliser.Canonical(Render(original, sites, i => (byte)(all % sites[i].Variants.Count))), s => (byte)(all % s.Variants.Count)));
            }
            var locators = new List<Regex>(sites.Count);
            var bare = new List<Regex?>(sites.Count);
            var kept = new List<SiteCandidate>(sites.Count);
            for (var k = 0; k < sites.Count; k++)
            {
                var holder = sites.FindIndex(o => o.Contains(sites[k]));
                var elements = holder < 0 ? outer : Elements(original, sites, Inner(sites, holder), Edges(sites[holder]));
                Regex? locator = null;
                foreach (var width in Widths)
                {
                    if (Pattern(original, elements, sites, k, width) is not { } pattern) break;
                    if (!checks.All(c => ReadsOnce(pattern.Core, c.Text, c.Choice(sites[k])) && ReadsOnce(pattern.Locator, c.Text, c.Choice(sites[k])))) continue;
                    locator = pattern.Locator;
                    break;
                }
                if (locator is null) continue;
                kept.Add(sites[k]);
                locators.Add(locator);
                var alone = sites[k].Authored ? Bare(original, sites, k) : null;
                bare.Add(alone is not null && checks.All(c => ReadsOnce(alone, c.Text, c.Choice(sites[k]))) ? alone : null);
            }
            if (kept.Count == sites.Count) return (kept, locators, bare);
            sites = kept; // a dropped site is now plain text in its neighbours' context: build again
        }
    }

    /// <summary>The variant read at a site from every match of its locator (null: none, or matches disagree).</summary>
    public static byte? Read(Regex locator, string canonical)
    {
        byte? value = null;
        foreach (Match match in locator.Matches(canonical))
        {
            var v = VariantOf(match);
            if (value is { } seen && seen != v) return null;
            value = v;
        }
        return value;
    }

    /// <summary>The original with site i replaced by its variant <paramref name="choiceAt"/>(i) (an order site's items swapped, with the sites inside them).</summary>
    public static string Render(string original, IReadOnlyList<SiteCandidate> sites, Func<int, byte> choiceAt)
    {
        var builder = new StringBuilder(original.Length + sites.Count * 8);
        AppendRange(builder, original, sites, choiceAt, 0, original.Length, inner: false);
        return builder.ToString();
    }

    private static void AppendRange(StringBuilder builder, string original, IReadOnlyList<SiteCandidate> sites, Func<int, byte> choiceAt, int from, int to, bool inner)
    {
        var position = from;
        for (var i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            if (site.Start < position || site.Start < from) continue; // before the range, or inside an order site already written
            if (site.Start > to || (site.Start == to && (site.Length > 0 || inner))) break; // an empty site at an item's end stands outside it
            if (site.End > to) continue; // the order site this range is an item of
            builder.Append(original, position, site.Start - position);
            var choice = choiceAt(i);
            if (site.Swap is { } swap)
            {
                var (first, second) = choice == 0 ? ((site.Start, swap.AEnd), (swap.BStart, site.End)) : ((swap.BStart, site.End), (site.Start, swap.AEnd));
                AppendRange(builder, original, sites, choiceAt, first.Item1, first.Item2, inner: true);
                builder.Append(original, swap.AEnd, swap.BStart - swap.AEnd);
                AppendRange(builder, original, sites, choiceAt, second.Item1, second.Item2, inner: true);
            }
            else
            {
                builder.Append(site.Variant(choice));
            }
            position = site.End;
        }
        builder.Append(original, position, to - position);
    }

    private static byte VariantOf(Match match)
    {
        for (byte v = 1; v < 8; v++)
        {
            if (match.Groups[VariantGroups[v]].Success) return v;
        }
        return 0;
    }

    private static readonly string[] VariantGroups = [.. Enumerable.Range(0, 8).Select(v => "v" + v)];

    private static bool ReadsOnce(Regex locator, string canonical, byte expected)
    {
        var matches = locator.Matches(canonical);
        return matches.Count == 1 && VariantOf(matches[0]) == expected;
    }

    /// <summary>The sites seen from outside any order site: all but those inside one.</summary>
    private static HashSet<int> Outer(List<SiteCandidate> sites) =>
        [.. Enumerable.Range(0, sites.Count).Where(i => !sites.Any(o => o.Contains(sites[i])))];

    /// <summary>The sites seen from inside order site <paramref name="holder"/>: its own inner sites in place of it.</summary>
    private static HashSet<int> Inner(List<SiteCandidate> sites, int holder)
    {
        var visible = Outer(sites);
        visible.Remove(holder);
        for (var i = 0; i < sites.Count; i++)
        {
            if (sites[holder].Contains(sites[i])) visible.Add(i);
        }
        return visible;
    }

    private static int[] Edges(SiteCandidate swap) => swap.Swap is { } s ? [swap.Start, s.AEnd, s.BStart, swap.End] : [];

    private static List<Element> Elements(string original, IReadOnlyList<SiteCandidate> sites, HashSet<int> visible, int[] edges)
    {
        var elements = new List<Element>();
        var lastEnd = 0;
        void Between(int upTo)
        {
            if (original.AsSpan(lastEnd, upTo - lastEnd).Contains('\n') || edges.Any(e => e >= lastEnd && e <= upTo))
                elements.Add(new Element(null, -1, true));
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
            if (!visible.Contains(k)) continue;
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
    private static (Regex Locator, Regex Core)? Pattern(string original, List<Element> elements, IReadOnlyList<SiteCandidate> sites, int site, int width)
    {
        var at = elements.FindIndex(e => e.Site == site && e.Token is null && !e.Boundary);
        if (Context(elements, at, -1, width) is not var (leftWithin, leftBeyond)) return null;
        if (Context(elements, at, +1, width) is not var (rightWithin, rightBeyond)) return null;
        var center = "(?:" + string.Join('|', Arrangements(original, sites, site).Select((p, v) => $"(?<v{v}>{p})")) + ")";
        // "(?<= )", not " ": two matches side by side must not compete for the space between them.
        var core = "(?<= )" + Concat(original, leftWithin, sites) + center + Concat(original, rightWithin, sites);
        var locator = "(?<= )" + Concat(original, leftBeyond, sites) + Concat(original, leftWithin, sites) + center + Concat(original, rightWithin, sites) + Concat(original, rightBeyond, sites);
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        return (new Regex(locator, options), new Regex(core, options));
    }

    private static Regex Bare(string original, IReadOnlyList<SiteCandidate> sites, int site) =>
        new("(?<= )(?:" + string.Join('|', Arrangements(original, sites, site).Select((p, v) => $"(?<v{v}>{p})")) + ")",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

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

    private static string Concat(string original, List<Element> context, IReadOnlyList<SiteCandidate> sites)
    {
        var builder = new StringBuilder();
        foreach (var e in context) Append(builder, original, e, sites);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string original, Element e, IReadOnlyList<SiteCandidate> sites)
    {
        if (e.Token is not null) builder.Append(Regex.Escape(e.Token)).Append(' ');
        else builder.Append("(?:").Append(string.Join('|', Arrangements(original, sites, e.Site))).Append(')');
    }

    /// <summary>The pattern of each variant of a site: its tokens; for an order site, each arrangement of its items, the sites inside them as any of their variants.</summary>
    private static IEnumerable<string> Arrangements(string original, IReadOnlyList<SiteCandidate> sites, int site)
    {
        var s = sites[site];
        if (s.Swap is not { } swap) return s.Variants.Select(Tokens);
        var a = Range(original, sites, site, s.Start, swap.AEnd);
        var separator = Tokens(original[swap.AEnd..swap.BStart]);
        var b = Range(original, sites, site, swap.BStart, s.End);
        return [a + separator + b, b + separator + a];
    }

    /// <summary>The tokens of [from, to) of the original, the sites inside order site <paramref name="holder"/> there as any of their variants.</summary>
    private static string Range(string original, IReadOnlyList<SiteCandidate> sites, int holder, int from, int to)
    {
        var builder = new StringBuilder();
        var position = from;
        for (var i = 0; i < sites.Count; i++)
        {
            var s = sites[i];
            if (i == holder || !sites[holder].Contains(s) || s.Start < from || s.End > to) continue;
            builder.Append(Tokens(original[position..s.Start]));
            builder.Append("(?:").Append(string.Join('|', s.Variants.Select(Tokens))).Append(')');
            position = s.End;
        }
        return builder.Append(Tokens(original[position..to])).ToString();
    }

    private static string Tokens(string variant) =>
        string.Concat(TextNormaliser.Tokenize(variant).Select(t => Regex.Escape(t.Text) + " "));
}
