using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// Version 2: the order of items in an inline list whose order says nothing — "credentials,
/// certificates and session keys" / "certificates, credentials and session keys". The list is
/// recognised as the serial comma's is (after a word that introduces one, items of one to three
/// plain words); the first two items swap (one mark), and the third and fourth when a fifth
/// follows. Never a list in a sentence with a sequencing or referring word ("then", "first",
/// "respectively", "above", a number …), never a protected span.
/// </summary>
internal sealed partial class ListOrderSiteFinder : ISiteFinder
{
    public const string Kind = "list-order";

    public IEnumerable<SiteCandidate> Find(string text, ProtectedText protect)
    {
        foreach (Match match in List().Matches(text))
        {
            if (protect.Touches(match.Index, match.Length) || OrderWords.SentenceOrdered(Sentence(text, match.Index, match.Length))) continue;
            var items = match.Groups["item"].Captures.Concat([match.Groups["last"]]).ToList();
            if (items.Any(i => OrderWords.HasNumber(i.Value)) || items.Select(i => i.Value.ToLowerInvariant()).Distinct().Count() != items.Count) continue;
            // "the web logs, the event logs and …": a determiner before the list belongs to its first
            // item only, so a swap would read "the the event logs, web logs" — items must agree on it.
            if (DeterminedBefore(text, match.Index) && items.Any(i => StartsWithDeterminer(i.Value))) continue;
            if (items.Select(i => StartsWithDeterminer(i.Value)).Distinct().Count() > 1) continue;
            // Pairs separated by ", " only (never across "and"): 0–1, and 2–3 when the list goes on.
            for (var k = 0; k + 1 < items.Count - 1; k += 2)
            {
                var (a, b) = (items[k], items[k + 1]);
                yield return new SiteCandidate(a.Index, b.Index + b.Length - a.Index, Kind,
                    text[a.Index..(b.Index + b.Length)], b.Value + text[(a.Index + a.Length)..b.Index] + a.Value, 0)
                {
                    Swap = (a.Index + a.Length, b.Index),
                    Class = $"{Kind}:{a.Index}",
                    Form0 = "as-written",
                    Form1 = "swapped",
                };
            }
        }
    }

    /// <summary>The sentence around [index, index + length): from the previous sentence end or line break to the next.</summary>
    private static readonly string[] Determiners = ["the", "a", "an", "all", "both", "its", "their", "this", "these", "those", "our", "your", "each", "every"];

    private static bool StartsWithDeterminer(string item) =>
        Determiners.Contains(item.Split(' ')[0].ToLowerInvariant());

    private static bool DeterminedBefore(string text, int index)
    {
        var before = text[..index].TrimEnd();
        var space = before.LastIndexOfAny([' ', '\n', '(']);
        return Determiners.Contains(before[(space + 1)..].ToLowerInvariant());
    }

    private static string Sentence(string text, int index, int length)
    {
        var start = index;
        while (start > 0 && text[start - 1] != '\n' && !(text[start - 1] == ' ' && start >= 2 && text[start - 2] is '.' or '!' or '?')) start--;
        var end = index + length;
        while (end < text.Length && text[end] != '\n' && !(text[end] is '.' or '!' or '?' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))) end++;
        return text[start..end];
    }

    private const string Item = @"(?!(?:and|or)\b)[A-Za-z][\w-]*(?: (?!(?:and|or)\b)[A-Za-z][\w-]*){0,2}";

    [GeneratedRegex(@"(?<=(?:[(:]|\b(?:as|including|include|includes|of|in|on|for|affects|affecting|affected|the|all|both|from|to|with|via|by|across|like|use|uses|using)) )(?:(?<item>" + Item + @"), )+(?<item>" + Item + @"),? (?:and|or) (?<last>" + Item + @")(?=[\s.,;:)]|$)")]
    private static partial Regex List();
}
