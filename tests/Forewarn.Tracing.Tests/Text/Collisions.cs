using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// Scans a copy for what reads as clumsy next to its original: a content word (or its stem)
/// repeated within a few words in one sentence ("update to the July update"), or a word doubled
/// ("turned on on"), more often than the original itself does. Written apart from the library's
/// rule so that it checks the rule rather than restates it.
/// </summary>
public static partial class Collisions
{
    private const int Near = 15;

    /// <summary>The echoes in the copy that the original does not have (empty: none). Sentences are compared as a whole set, since list items may have moved.</summary>
    public static IReadOnlyList<string> Added(string original, string copy)
    {
        var had = Sentences(original).SelectMany(Echoes).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        var sentences = Sentences(copy).Select(s => (Text: s, Echoes: Echoes(s))).ToList();
        var has = sentences.SelectMany(s => s.Echoes).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        return [.. sentences.SelectMany(s => s.Echoes.Distinct().Where(e => has[e] > had.GetValueOrDefault(e)).Select(e => $"'{e}' in: {s.Text.Trim()}"))];
    }

    /// <summary>Each pair of words in a sentence, at most <see cref="Near"/> apart, with the same stem (or the same word side by side).</summary>
    private static List<string> Echoes(string sentence)
    {
        var words = Word().Matches(sentence).Select(m => m.Value.ToLowerInvariant()).ToList();
        var echoes = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && words[i] == words[i + 1]) echoes.Add(words[i] + " " + words[i]);
            var stem = Stem(words[i]);
            if (stem is null) continue;
            for (var j = i + 1; j < Math.Min(words.Count, i + 1 + Near); j++)
            {
                if (Stem(words[j]) == stem) echoes.Add(stem);
            }
        }
        return echoes;
    }

    private static readonly string[] Suffixes = ["ations", "ation", "ions", "ion", "ings", "ing", "ed", "es", "s", "e"];

    private static readonly HashSet<string> Small =
        ["the", "and", "for", "are", "was", "not", "but", "with", "from", "that", "this", "its", "can", "may", "will", "does", "any",
         "all", "than", "then", "such", "which", "when", "has", "have", "been", "they", "you", "our", "their", "into", "also", "only",
         "one", "out", "each", "other", "some", "more", "most", "both", "before", "after", "because", "while", "there", "what", "how"];

    private static string? Stem(string word)
    {
        if (word.Length < 3 || Small.Contains(word)) return null;
        word = word.Replace("is", "iz", StringComparison.Ordinal).Replace("our", "or", StringComparison.Ordinal);
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal)) return word[..^suffix.Length];
        }
        return word;
    }

    private static List<string> Sentences(string text) => [.. Leaks.Sentences(text)];

    // Plain words only: "node" in "node-1" or "contoso" in "collab01.contoso.example" is part of a name.
    [GeneratedRegex(@"(?<![\w.\\/-])[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?![\w.\\/-]|\.\w)")]
    private static partial Regex Word();
}
