namespace Forewarn.Tracing.Text;

/// <summary>
/// Invisible, meaning-preserving fingerprint marks in prose (advisory descriptions, detection
/// guidance, mitigation notes): curated security-domain synonyms, contractions, "e.g."/"for
/// example", British/American spelling, counts as digits or words, the optional serial comma.
/// Version 2 adds: one spelling convention per copy (one mark), the order of list items that may
/// come in any order, the optional comma after a short introductory phrase, the author's
/// templates (<c>{{fw:A|B}}</c>, up to eight variants), and drops a variant that would not read
/// naturally in its sentence. Every kind survives a copy into an e-mail or chat; whitespace,
/// quote style and invisible characters do not, so none of them carries a mark.
/// </summary>
public static class TextMarks
{
    private static readonly ISiteFinder[] Finders =
        [new PhraseSiteFinder(PhrasePairs.All), new NumberSiteFinder(), new SerialCommaSiteFinder()];

    private static readonly ISiteFinder[] OrderFinders = [new BulletOrderSiteFinder(), new ListOrderSiteFinder()];

    private static readonly ISiteFinder[] FindersV2 = [.. Finders, new IntroCommaSiteFinder()];

    /// <summary>
    /// Finds the mark sites of <paramref name="original"/>, in a fixed order, none overlapping (but
    /// inside an order site's items) and none in a protected span. <paramref name="markerVersion"/>
    /// is the generation of finders: an artifact keeps the one it was first prepared with.
    /// </summary>
    /// <exception cref="TextMarkException">Version 2: a malformed template (<c>bad-template</c>).</exception>
    public static MarkedText Prepare(string original, int markerVersion = MarkerVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (!MarkerVersion.IsKnown(markerVersion)) throw new ArgumentOutOfRangeException(nameof(markerVersion), markerVersion, "Unknown marker version.");
        return markerVersion == MarkerVersion.First ? PrepareFirst(original) : PrepareSecond(original);
    }

    /// <summary>Version 1, exactly as first served: copies made then must regenerate byte for byte.</summary>
    private static MarkedText PrepareFirst(string original)
    {
        var protect = new ProtectedText(original);
        var candidates = Finders
            .SelectMany((finder, rank) => finder.Find(original, protect).Select(site => (Site: site, Rank: rank)))
            .OrderBy(c => c.Site.Start).ThenBy(c => c.Rank).ThenByDescending(c => c.Site.Length)
            .Select(c => c.Site);
        var placed = new List<SiteCandidate>();
        var end = 0;
        foreach (var site in candidates)
        {
            if (site.Start < end || (placed.Count > 0 && site.Start == placed[^1].Start)) continue;
            placed.Add(site);
            end = site.End;
        }
        var (sites, locators) = SiteLocator.Locate(original, placed);
        return new MarkedText(original, sites, locators);
    }

    private static MarkedText PrepareSecond(string source)
    {
        var (text, templates) = TextTemplates.Parse(source);
        var protect = new ProtectedText(text);
        var authored = templates.Select(TextTemplates.Site).ToList();
        bool Free(SiteCandidate s) => !authored.Any(t => s.Start <= t.End && t.Start <= s.End);
        var words = FindersV2
            .SelectMany((finder, rank) => finder.Find(text, protect).Select(site => (Site: ExampleComma.Apply(text, Conventions.Apply(site)), Rank: rank)))
            .Where(c => Free(c.Site))
            .ToList();
        var natural = NaturalVariants.Keep(text, words.Select(c => c.Site).ToList());
        var orders = OrderFinders.SelectMany(f => f.Find(text, protect)).Where(Free).OrderBy(s => s.Start).ToList();

        var placed = new List<SiteCandidate>(authored);
        foreach (var order in orders)
        {
            if (placed.Any(p => p.Start <= order.End && order.Start <= p.End)) continue;
            placed.Add(order);
        }
        var swaps = placed.Where(p => p.Swap is not null).ToList();
        var end = 0;
        SiteCandidate? last = null;
        foreach (var (site, _) in words.Where(c => natural.Contains(c.Site))
                     .OrderBy(c => c.Site.Start).ThenBy(c => c.Rank).ThenByDescending(c => c.Site.Length))
        {
            if (site.Start < end || (last is not null && site.Start == last.Start)) continue;
            if (!Fits(site, swaps)) continue;
            placed.Add(site);
            last = site;
            end = site.End;
        }
        placed.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : (b.Swap is not null).CompareTo(a.Swap is not null));
        var (sites, locators, bare) = SiteLocator.LocateWithBare(text, placed);
        return new MarkedText(text, sites, locators, bare);
    }

    /// <summary>A word site may lie inside an order site's item (it moves with it), never across an item's edge or in the separator.</summary>
    private static bool Fits(SiteCandidate site, List<SiteCandidate> swaps)
    {
        foreach (var o in swaps)
        {
            if (o.Overlaps(site) && !o.Contains(site)) return false;
        }
        return true;
    }
}
