using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// Sites on the curated phrase pairs (<see cref="PhrasePairs"/>): whole words, either form of a
/// pair, the case of the original kept (lower, Capitalised or UPPER) and its apostrophe style.
/// </summary>
internal sealed class PhraseSiteFinder : ISiteFinder
{
    private readonly Dictionary<string, (PhrasePair Pair, bool IsForm0)> forms = new(StringComparer.Ordinal);
    private readonly Regex pattern;

    public PhraseSiteFinder(IReadOnlyList<PhrasePair> pairs)
    {
        foreach (var pair in pairs)
        {
            forms.Add(pair.Form0, (pair, true));
            forms.Add(pair.Form1, (pair, false));
        }
        var alternatives = forms.Keys.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => Regex.Escape(f).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal));
        pattern = new Regex(@"(?<![\w'’-])(?:" + string.Join('|', alternatives) + @")(?![\w'’-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public IEnumerable<SiteCandidate> Find(string text, ProtectedText protect)
    {
        // Match by match rather than Matches(): when a phrase is refused ("that is" in "a value that
        // is not"), a shorter one starting inside it ("is not") still gets its chance.
        var start = 0;
        while (start < text.Length)
        {
            var match = pattern.Match(text, start);
            if (!match.Success) yield break;
            var site = Site(text, protect, match);
            start = site is null ? match.Index + 1 : match.Index + match.Length;
            if (site is not null) yield return site;
        }
    }

    private SiteCandidate? Site(string text, ProtectedText protect, Match match)
    {
        var key = Regex.Replace(match.Value.ToLowerInvariant(), @"\s+", " ").Replace('’', '\'');
        if (!forms.TryGetValue(key, out var entry)) return null;
        var (pair, isForm0) = entry;
        if (protect.Touches(match.Index, match.Length) || !Guarded(pair, isForm0, text, match)) return null;
        var other = WithCaseOf(isForm0 ? pair.Form1 : pair.Form0, match.Value);
        if (match.Value.Contains('’', StringComparison.Ordinal)) other = other.Replace('\'', '’');
        if (ArticleWouldBreak(text, match.Index, key, other)) return null;
        // "turned on on the path": the other form may not end with the word that follows.
        var following = TextSpans.NextWord(text, match.Index + match.Length);
        if (following.Length > 0 && other.EndsWith(" " + following, StringComparison.OrdinalIgnoreCase)) return null;
        return SiteCandidate.FromOriginal(match.Index, match.Value, other, pair.Kind, isForm0);
    }

    private static readonly HashSet<string> Determiners =
        new(["a", "an", "the", "as", "than", "little", "worth", "this", "that", "its", "their", "your", "our", "ever"], StringComparer.OrdinalIgnoreCase);

    private static bool Guarded(PhrasePair pair, bool isForm0, string text, Match match) => pair.Guard switch
    {
        PhraseGuard.NotAfterAdverb => !TextSpans.PreviousWord(text, match.Index).EndsWith("ly", StringComparison.OrdinalIgnoreCase),
        PhraseGuard.Aside => isForm0 || (TextSpans.PreviousNonSpace(text, match.Index) is ',' or '(' && TextSpans.NextNonSpace(text, match.Index + match.Length) == ','),
        PhraseGuard.Connective => char.IsLetterOrDigit(TextSpans.NextNonSpace(text, match.Index + match.Length)) && !Determiners.Contains(TextSpans.PreviousWord(text, match.Index)),
        PhraseGuard.Preposition => isForm0 || TextSpans.NextWord(text, match.Index + match.Length) is var next
            && (next.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || (next.Length > 0 && char.IsDigit(next[0]))),
        PhraseGuard.BeforeComma => TextSpans.NextNonSpace(text, match.Index + match.Length) == ',',
        PhraseGuard.LowerCaseOnly => !match.Value.Any(char.IsUpper),
        _ => true,
    };

    // "an attacker" may not become "a adversary": an article before the site must fit both forms.
    private static bool ArticleWouldBreak(string text, int start, string form, string other)
    {
        var article = TextSpans.PreviousWord(text, start).ToLowerInvariant();
        return article is "a" or "an" && StartsWithVowel(form) != StartsWithVowel(other);
    }

    private static bool StartsWithVowel(string s) => s.Length > 0 && "aeiouAEIOU".Contains(s[0], StringComparison.Ordinal);

    public static string WithCaseOf(string form, string sample)
    {
        var letters = sample.Where(char.IsLetter).ToArray();
        if (letters.Length >= 2 && letters.All(char.IsUpper)) return form.ToUpperInvariant();
        if (letters.Length > 0 && char.IsUpper(letters[0])) return char.ToUpperInvariant(form[0]) + form[1..];
        return form;
    }
}
