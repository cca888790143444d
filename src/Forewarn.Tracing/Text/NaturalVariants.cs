using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// Version 2: a variant is used only where it reads naturally. A site is dropped when one of its
/// variants brings in a content word whose stem is already within <see cref="Window"/> words of it
/// — in the text around it or in any variant of a site there ("upgrade to the July update" must
/// not become "update to the July update") — or repeats the word next to it ("turned on on").
/// Checking every variant of the neighbours, not only the original's, means no combination of
/// choices in a copy makes such a repetition.
/// </summary>
internal static partial class NaturalVariants
{
    /// <summary>Words either side of a site within which a repeated stem reads as a clumsy echo.</summary>
    public const int Window = 20;

    public static HashSet<SiteCandidate> Keep(string text, IReadOnlyList<SiteCandidate> candidates)
    {
        var words = Word().Matches(text).Select(m => (m.Index, Stem: Stem(m.Value))).ToList();
        var kept = new HashSet<SiteCandidate>(ReferenceEqualityComparer.Instance);
        foreach (var site in candidates)
        {
            if (site.Authored || site.Swap is not null || Reads(site, text, words, candidates)) kept.Add(site);
        }
        return kept;
    }

    private static bool Reads(SiteCandidate site, string text, List<(int Index, string Stem)> words, IReadOnlyList<SiteCandidate> candidates)
    {
        var own = Stems(site.Variant(site.Original));
        var before = words.Where(w => w.Index < site.Start).TakeLast(Window).ToList();
        var after = words.Where(w => w.Index >= site.End).Take(Window).ToList();
        var from = before.Count > 0 ? before[0].Index : site.Start;
        var to = after.Count > 0 ? after[^1].Index + 1 : site.End;
        var around = new HashSet<string>(before.Concat(after).Select(w => w.Stem), StringComparer.Ordinal);
        foreach (var other in candidates)
        {
            if (ReferenceEquals(other, site) || other.End < from || other.Start > to) continue;
            foreach (var variant in other.Variants) around.UnionWith(Stems(variant));
        }
        var previous = TextSpans.PreviousWord(text, site.Start);
        var next = TextSpans.NextWord(text, site.End);
        foreach (var variant in site.Variants)
        {
            var variantWords = Word().Matches(variant).Select(m => m.Value).ToList();
            if (variantWords.Count > 0 && (variantWords[0].Equals(previous, StringComparison.OrdinalIgnoreCase)
                || variantWords[^1].Equals(next, StringComparison.OrdinalIgnoreCase))) return false;
            if (Stems(variant).Any(s => !own.Contains(s) && around.Contains(s))) return false;
        }
        return true;
    }

    /// <summary>The stems of the content words of a phrase.</summary>
    public static HashSet<string> Stems(string phrase) =>
        new(Word().Matches(phrase).Select(m => Stem(m.Value)).Where(s => s.Length > 0), StringComparer.Ordinal);

    /// <summary>A crude stem: lower case, American spelling, common endings off; "" for a function word.</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.Length < 3 || FunctionWords.Contains(w)) return "";
        if (American.TryGetValue(w, out var american)) w = american;
        foreach (var ending in Endings)
        {
            if (w.Length - ending.Length >= 3 && w.EndsWith(ending, StringComparison.Ordinal)) return w[..^ending.Length];
        }
        return w;
    }

    private static readonly string[] Endings = ["ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "ed", "es", "s", "e"];

    private static readonly Dictionary<string, string> American = PhrasePairs.All
        .Where(p => p.Kind == PhrasePairs.Spelling)
        .ToDictionary(p => p.Form0, p => p.Form1, StringComparer.Ordinal);

    private static readonly HashSet<string> FunctionWords = new(
        ["the", "and", "for", "are", "was", "were", "has", "have", "had", "not", "but", "with", "from", "that", "this", "these",
         "those", "its", "their", "our", "your", "can", "may", "might", "will", "would", "should", "could", "does", "did", "any",
         "all", "into", "onto", "than", "then", "also", "only", "such", "which", "who", "what", "when", "where", "how", "there",
         "here", "been", "being", "they", "them", "you", "she", "his", "her", "one", "out", "off", "own", "via", "per", "each",
         "other", "some", "more", "most", "very", "much", "many", "both", "either", "neither", "whether", "because", "while",
         "after", "before", "over", "under", "about", "doesn't", "don't", "isn't", "aren't", "can't", "won't", "cannot"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’]*")]
    private static partial Regex Word();
}
