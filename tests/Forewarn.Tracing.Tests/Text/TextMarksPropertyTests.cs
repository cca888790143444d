using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Tracing.Text;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// Whatever happens to a copy on its way out, a site that is read is read right: its variant is
/// the one the copy carried, or nothing. Originals are random arrangements of the sample
/// paragraphs (repeats included, so identical contexts occur), copies go through random
/// e-mail/chat journeys, fragments and sentence shuffles.
/// </summary>
public sealed class TextMarksPropertyTests
{
    private static readonly string[] Paragraphs =
        [.. SampleAdvisories.All.SelectMany(t => t.Split("\n\n")).Where(p => p.Trim().Length > 0)];

    public sealed record Journey(int[] Paragraphs, int Seed, bool Collapse, bool Smart, int Wrap, bool Crlf, bool Noise,
        double FragmentStart, double FragmentLength, bool Shuffle);

    private static Arbitrary<Journey> Journeys() =>
        (from count in Gen.Choose(1, 6)
         from paragraphs in Gen.ArrayOf(Gen.Choose(0, Paragraphs.Length - 1), count)
         from seed in Gen.Choose(0, int.MaxValue)
         from collapse in Gen.Elements(true, false)
         from smart in Gen.Elements(true, false)
         from wrap in Gen.Elements(0, 0, 40, 60, 72, 100)
         from crlf in Gen.Elements(true, false)
         from noise in Gen.Elements(true, false)
         from start in Gen.Choose(0, 100)
         from length in Gen.Choose(5, 100)
         from shuffle in Gen.Elements(true, false, false)
         select new Journey(paragraphs, seed, collapse, smart, wrap, crlf, noise, start / 100.0, length / 100.0, shuffle)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property A_read_site_is_always_the_true_variant_or_missing() =>
        Prop.ForAll(Journeys(), j =>
        {
            var original = string.Join("\n\n", j.Paragraphs.Select(p => Paragraphs[p]));
            var marked = TextMarks.Prepare(original);
            var random = new Random(j.Seed);
            var word = Enumerable.Range(0, marked.Sites.Count).Select(_ => (byte)random.Next(2)).ToArray();
            var leaked = Travel(marked.Render(word), j, random);
            var read = marked.Read(leaked);
            return read.Count == word.Length && read.Select((r, i) => r is null || r == word[i]).All(ok => ok);
        });

    [Property(MaxTest = 100)]
    public Property Mixed_copies_read_only_variants_some_colluder_carried() =>
        Prop.ForAll(Journeys(), j =>
        {
            var original = string.Join("\n\n", j.Paragraphs.Select(p => Paragraphs[p]));
            var marked = TextMarks.Prepare(original);
            var random = new Random(j.Seed);
            var words = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, marked.Sites.Count).Select(_ => (byte)random.Next(2)).ToArray()).ToArray();
            var copies = words.Select(w => Leaks.Sentences(marked.Render(w))).ToArray();
            var mixed = string.Join(" ", Enumerable.Range(0, copies.Min(c => c.Count)).Select(s => copies[random.Next(copies.Length)][s]));
            var read = marked.Read(Travel(mixed, j, random));
            return read.Select((r, i) => r is null || words.Any(w => w[i] == r)).All(ok => ok);
        });

    private static string Travel(string copy, Journey j, Random random)
    {
        var text = copy;
        if (j.Shuffle) text = string.Join(" ", Leaks.Sentences(text).Where(_ => random.Next(5) != 0).OrderBy(_ => random.Next()));
        var start = (int)(text.Length * Math.Min(j.FragmentStart, 0.95));
        var length = Math.Min(text.Length - start, (int)(text.Length * j.FragmentLength));
        text = text.Substring(start, length);
        if (j.Smart) text = Leaks.SmartenQuotes(text);
        if (j.Wrap > 0) text = Leaks.Rewrap(text, j.Wrap);
        if (j.Collapse) text = Leaks.CollapseWhitespace(text);
        if (j.Noise) text = Leaks.Noise(text, random);
        if (j.Crlf) text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        return text;
    }
}
