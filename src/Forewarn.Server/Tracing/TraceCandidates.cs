using System.Globalization;
using System.Text;

namespace Forewarn.Server.Tracing;

/// <summary>
/// Finding which artifact a leak is a copy of, when staff do not say. Preparing an artifact costs
/// from a tenth of a second (prose) to seconds (a PoC compiled with every site flipped), so a
/// cheap look comes first: how many of the leak's three-word runs also occur in each artifact
/// (containment — a fragment of a copy scores as high as the whole). Only the most similar few are
/// prepared, none far less similar than the best, and among those the leak is a copy of the one
/// where it reads the most marks.
/// </summary>
public static class TraceCandidates
{
    /// <summary>How many of the most similar artifacts are prepared and read.</summary>
    public const int Prepared = 3;

    /// <summary>Artifacts less similar than this share of the most similar one are not prepared.</summary>
    public const double SimilarEnough = 0.2;

    /// <summary>Marks read within this share of the best count count as a near tie, settled by the share of sites read.</summary>
    public const double NearTie = 0.9;

    /// <summary>The share of the leak's three-word runs found in the artifact's text (0 to 1).</summary>
    public static double Similarity(IReadOnlySet<string> leakedRuns, string artifact)
    {
        if (leakedRuns.Count == 0) return 0;
        var runs = Runs(artifact);
        return (double)leakedRuns.Count(runs.Contains) / leakedRuns.Count;
    }

    /// <summary>
    /// The text's runs of three words (lower case, letters and digits only, so whitespace, quotes and
    /// punctuation never matter); a text of fewer than three words gives its words.
    /// </summary>
    public static HashSet<string> Runs(string text)
    {
        var words = Words(text);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count < 3)
        {
            runs.UnionWith(words);
            return runs;
        }
        for (var i = 0; i + 2 < words.Count; i++)
            runs.Add(string.Concat(words[i], " ", words[i + 1], " ", words[i + 2]));
        return runs;
    }

    /// <summary>
    /// Orders what was read, most likely first: the most marks read; within a near tie (at least
    /// <see cref="NearTie"/> of the best count) the larger share of the artifact's sites, then the
    /// greater similarity. The first, if it read any mark, is the artifact the leak is a copy of.
    /// </summary>
    public static List<T> MostLikelyFirst<T>(IEnumerable<T> read, Func<T, int> marksRead, Func<T, int> sites, Func<T, double> similarity)
    {
        var list = read.ToList();
        if (list.Count == 0) return list;
        var best = list.Max(marksRead);
        double Share(T c) => sites(c) == 0 ? 0 : (double)marksRead(c) / sites(c);
        bool InTie(T c) => best > 0 && marksRead(c) >= NearTie * best;
        return [.. list.OrderByDescending(InTie)
            .ThenByDescending(c => InTie(c) ? Share(c) : marksRead(c))
            .ThenByDescending(marksRead)
            .ThenByDescending(similarity)];
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) word.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length == 0) return;
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
