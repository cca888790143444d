namespace Forewarn.Tracing.Text;

/// <summary>
/// Invisible, meaning-preserving fingerprint marks in prose (advisory descriptions, detection
/// guidance, mitigation notes): curated security-domain synonyms, contractions, "e.g."/"for
/// example", British/American spelling, counts as digits or words, the optional serial comma.
/// Every kind survives a copy into an e-mail or chat; whitespace, quote style and invisible
/// characters do not, so none of them carries a mark.
/// </summary>
public static class TextMarks
{
    private static readonly ISiteFinder[] Finders =
        [new PhraseSiteFinder(PhrasePairs.All), new NumberSiteFinder(), new SerialCommaSiteFinder()];

    /// <summary>Finds the mark sites of <paramref name="original"/>, in a fixed order, none overlapping and none in a protected span.</summary>
    public static MarkedText Prepare(string original, int markerVersion = MarkerVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (!MarkerVersion.IsKnown(markerVersion)) throw new ArgumentOutOfRangeException(nameof(markerVersion), markerVersion, "Unknown marker version.");
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
}
