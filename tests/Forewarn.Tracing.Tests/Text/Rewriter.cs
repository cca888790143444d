using System.Text.RegularExpressions;
using Forewarn.Tracing.Text;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// A leaker who rewrites a copy sentence by sentence, keeping every fact: spellings, contractions,
/// abbreviations, counts and serial commas settled as <see cref="Normaliser"/> does, and then each
/// sentence worded afresh — every phrase that has an equivalent takes one form or the other at
/// random, occurrence by occurrence, as a person rephrasing would. What a rewrite keeps is what
/// it must keep to stay true: every name, number, identifier, example value and the order in which
/// things are said. So every automatic word-level mark is gone (read as noise or not at all), and
/// marks in the facts themselves — an author's example values, the order of a list — remain. It
/// works on the text alone: it never sees a site or a codeword.
/// </summary>
public static partial class Rewriter
{
    /// <summary>The copy rewritten; the same seed gives the same rewrite.</summary>
    public static string Rewrite(string text, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var random = new Random(seed);
        var settled = Normaliser.Normalise(text, seed, SynonymChoice.AlwaysFirst);
        var synonyms = PhrasePairs.All.Where(p => p.Kind == PhrasePairs.Synonym).ToList();
        var forms = synonyms.SelectMany(p => new[] { (Form: p.Form0, Pair: p), (Form: p.Form1, Pair: p) })
            .ToDictionary(f => f.Form, f => f.Pair, StringComparer.OrdinalIgnoreCase);
        var alternatives = forms.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
        var pattern = new Regex(@"(?<![\w'’-])(?:" + string.Join('|', alternatives) + @")(?![\w'’-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        // Sentence by sentence: each occurrence reworded on its own.
        return pattern.Replace(settled, m =>
        {
            var pair = forms[WhitespaceRun().Replace(m.Value, " ")];
            return Normaliser.WithCaseOf(random.Next(2) == 0 ? pair.Form0 : pair.Form1, m.Value);
        });
    }

    /// <summary>
    /// Every sentence reworded while its facts stay, as a person rewriting it would: each plain
    /// word (not part of a name, number, path or host) becomes another, so every automatic mark
    /// and every context is gone, and what remains are the facts — the author's example values.
    /// </summary>
    public static string Reword(string copy) =>
        PlainWord().Replace(copy, m => m.Value is "and" ? m.Value : "q" + new string([.. m.Value.Reverse()]));

    [GeneratedRegex(@"(?<![\w.\\/-])[A-Za-z]+(?![\w.\\/-]|\.\w)")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
