using System.Globalization;
using System.Text.RegularExpressions;
using Forewarn.Tracing.Text;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>How a normalising leaker settles each synonym pair.</summary>
public enum SynonymChoice
{
    /// <summary>Each pair set to one of its forms, chosen per pair by a seeded random.</summary>
    PerPairRandom,
    /// <summary>Each pair set to its first form (as <see cref="PhrasePairs"/> lists it).</summary>
    AlwaysFirst,
}

/// <summary>
/// A careful leaker who knows every phrase Forewarn may vary and makes each one uniform before
/// passing a copy on: British spellings made American, contractions expanded, abbreviations
/// spelled out ("e.g." → "for example"), counts as digits, serial commas removed, and each synonym
/// pair set to one form. It works on the text as a person or a script would — whole words, the
/// case of each occurrence kept — and knows nothing of mark sites or codewords. The worst case for
/// marks: it knows our lists (<see cref="PhrasePairs"/>), so every word-level class becomes uniform.
/// </summary>
public static partial class Normaliser
{
    private static readonly string[] CountWords = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>The text with every word-level variant class made uniform.</summary>
    public static string Normalise(string text, int seed, SynonymChoice synonyms = SynonymChoice.PerPairRandom)
    {
        ArgumentNullException.ThrowIfNull(text);
        var random = new Random(seed);
        var choices = PhrasePairs.All.Select(pair => pair.Kind switch
        {
            PhrasePairs.Spelling => (From: pair.Form0, To: pair.Form1), // British → American
            PhrasePairs.Contraction or PhrasePairs.Abbreviation => (From: pair.Form1, To: pair.Form0), // spelled out
            _ => synonyms == SynonymChoice.AlwaysFirst || random.Next(2) == 0 ? (From: pair.Form1, To: pair.Form0) : (From: pair.Form0, To: pair.Form1),
        });
        text = Replace(text, choices);
        text = Contraction().Replace(text, m => m.Groups["verb"].Value + " not");
        text = CountWord().Replace(text, m => (Array.IndexOf(CountWords, m.Value.ToLowerInvariant()) + 2).ToString(CultureInfo.InvariantCulture));
        return SerialComma().Replace(text, "${list} ${conj} ");
    }

    /// <summary>Every occurrence of each <c>From</c> phrase replaced by its <c>To</c>, whole words only, longest phrases first, case kept.</summary>
    internal static string Replace(string text, IEnumerable<(string From, string To)> choices)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (from, to) in choices)
        {
            map[from.Replace('’', '\'')] = to;
            // The chosen form matches too (and stays): "crafted" → "specially crafted" must not turn "specially crafted" into "specially specially crafted".
            map.TryAdd(to.Replace('’', '\''), to);
        }
        if (map.Count == 0) return text;
        var alternatives = map.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal));
        var pattern = new Regex(@"(?<![\w'’-])(?:" + string.Join('|', alternatives) + @")(?![\w'’-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return pattern.Replace(text, m =>
        {
            var key = WhitespaceRun().Replace(m.Value, " ").Replace('’', '\'');
            return WithCaseOf(map[key], m.Value);
        });
    }

    /// <summary><paramref name="form"/> in the case of <paramref name="model"/>: lower, Capitalised or UPPER.</summary>
    internal static string WithCaseOf(string form, string model)
    {
        var letters = model.Where(char.IsLetter).ToArray();
        if (letters.Length > 1 && letters.All(char.IsUpper)) return form.ToUpperInvariant();
        if (letters.Length > 0 && char.IsUpper(letters[0])) return char.ToUpperInvariant(form[0]) + form[1..];
        return form;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    // Any contraction the lists do not hold: "hasn't", "needn't" ("can't" and "won't" are in the lists).
    [GeneratedRegex(@"\b(?<verb>[A-Za-z]+)n['’]t\b")]
    private static partial Regex Contraction();

    [GeneratedRegex(@"(?<![\w-])(?:two|three|four|five|six|seven|eight|nine|ten)(?= [a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex CountWord();

    // "a, b, and c" → "a, b and c": a comma before the conjunction, with another comma earlier in the clause.
    [GeneratedRegex(@"(?<list>,[^,.;:!?\n]{1,60}),\s+(?<conj>and|or)\s+")]
    private static partial Regex SerialComma();
}
