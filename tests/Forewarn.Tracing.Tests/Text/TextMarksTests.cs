using System.Text.RegularExpressions;
using Forewarn.Tracing.Text;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Text;

public sealed partial class TextMarksTests(ITestOutputHelper output)
{
    public static TheoryData<int> Samples => [0, 1, 2];

    private static byte[] RandomWord(int length, Random random) => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(2))];

    [Fact]
    public void Each_sample_offers_enough_sites_and_the_description_at_least_thirty()
    {
        foreach (var (text, name) in SampleAdvisories.All.Zip(["description", "detection", "mitigation"]))
        {
            var marked = TextMarks.Prepare(text);
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            var kinds = string.Join(", ", marked.Sites.GroupBy(s => s.Kind).Select(g => $"{g.Key} {g.Count()}"));
            output.WriteLine($"{name}: {words} words, {marked.Sites.Count} sites ({kinds})");
            foreach (var site in marked.Sites) output.WriteLine($"  {site.Kind}: '{site.Variant0}' / '{site.Variant1}'");
            Assert.True(marked.Sites.Count >= 20, $"{name} offers only {marked.Sites.Count} sites");
        }
        Assert.True(TextMarks.Prepare(SampleAdvisories.Description).Sites.Count >= 30);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Rendering_the_originals_own_variants_gives_back_the_original_exactly(int sample)
    {
        var text = SampleAdvisories.All[sample];
        var marked = TextMarks.Prepare(text);
        Assert.Equal(text, marked.Render(marked.OriginalCodeword));
        Assert.All(marked.Read(text).Zip(marked.OriginalCodeword), p => Assert.Equal(p.Second, p.First));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_rendered_copy_reads_back_exactly_its_codeword_and_is_the_same_every_time(int sample)
    {
        var marked = TextMarks.Prepare(SampleAdvisories.All[sample]);
        var random = new Random(sample);
        for (var run = 0; run < 50; run++)
        {
            var word = RandomWord(marked.Sites.Count, random);
            var copy = marked.Render(word);
            Assert.Equal(copy, TextMarks.Prepare(SampleAdvisories.All[sample]).Render(word));
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(copy));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_copy_survives_being_pasted_into_an_email_or_a_chat(int sample)
    {
        var marked = TextMarks.Prepare(SampleAdvisories.All[sample]);
        var random = new Random(100 + sample);
        Func<string, string>[] journeys =
        [
            Leaks.CollapseWhitespace,
            Leaks.SmartenQuotes,
            t => Leaks.Rewrap(t),
            t => Leaks.Rewrap(Leaks.SmartenQuotes(t), 60),
            t => Leaks.Noise(Leaks.CollapseWhitespace(Leaks.SmartenQuotes(t)), random),
            t => t.Replace("\n", "\r\n", StringComparison.Ordinal),
        ];
        foreach (var journey in journeys)
        {
            var word = RandomWord(marked.Sites.Count, random);
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(journey(marked.Render(word))));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_fragment_reads_the_sites_it_holds_correctly_and_the_rest_as_missing(int sample)
    {
        var marked = TextMarks.Prepare(SampleAdvisories.All[sample]);
        var random = new Random(200 + sample);
        var readTotal = 0;
        for (var run = 0; run < 40; run++)
        {
            var word = RandomWord(marked.Sites.Count, random);
            var copy = marked.Render(word);
            var length = (int)(copy.Length * 0.4);
            var fragment = copy.Substring(random.Next(copy.Length - length), length);
            var read = marked.Read(Leaks.CollapseWhitespace(fragment));
            for (var i = 0; i < read.Count; i++)
            {
                if (read[i] is { } y) Assert.Equal(word[i], y);
            }
            var held = read.Count(r => r is not null);
            Assert.True(held > 0, "a 40 % fragment holds some sites");
            readTotal += held;
        }
        output.WriteLine($"40 % fragments: {readTotal / 40.0:F1} of {marked.Sites.Count} sites read on average");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reordered_and_deleted_sentences_leave_the_other_sites_readable(int sample)
    {
        var marked = TextMarks.Prepare(SampleAdvisories.All[sample]);
        var random = new Random(300 + sample);
        var word = RandomWord(marked.Sites.Count, random);
        var sentences = Leaks.Sentences(marked.Render(word)).ToList();
        var kept = sentences.Where(_ => random.Next(4) != 0).OrderBy(_ => random.Next()).ToList();
        var read = marked.Read(string.Join(" ", kept));
        for (var i = 0; i < read.Count; i++)
        {
            if (read[i] is { } y) Assert.Equal(word[i], y);
        }
        output.WriteLine($"{kept.Count} of {sentences.Count} sentences kept and shuffled: {read.Count(r => r is not null)} of {read.Count} sites read");
        Assert.True(read.Count(r => r is not null) >= read.Count / 3);
    }

    [Fact]
    public void Text_that_is_not_a_copy_reads_nothing_and_two_different_copies_pasted_together_read_only_where_they_agree()
    {
        var marked = TextMarks.Prepare(SampleAdvisories.Description);
        Assert.All(marked.Read(SampleAdvisories.Mitigation), r => Assert.Null(r));
        Assert.All(marked.Read(""), r => Assert.Null(r));
        var random = new Random(7);
        var a = RandomWord(marked.Sites.Count, random);
        var b = RandomWord(marked.Sites.Count, random);
        var read = marked.Read(marked.Render(a) + "\n\n" + marked.Render(b));
        for (var i = 0; i < read.Count; i++) Assert.Equal(a[i] == b[i] ? a[i] : null, read[i]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_copy_differs_from_the_original_only_at_the_site_that_changed(int sample)
    {
        foreach (var version in new[] { MarkerVersion.First, MarkerVersion.Current })
        {
            var text = SampleAdvisories.All[sample];
            var marked = TextMarks.Prepare(text, version);
            for (var k = 0; k < marked.Sites.Count; k++)
            {
                var word = marked.OriginalCodeword.ToArray();
                word[k] ^= 1;
                var copy = marked.Render(word);
                var site = marked.Sites[k];
                if (site.Class == Conventions.Spelling)
                {
                    // One convention for the whole copy: every spelling of the pair list changes, nothing else.
                    var british = PhrasePairs.All.Where(p => p.Kind == PhrasePairs.Spelling).Select(p => (p.Form0, p.Form1))
                        .Concat(new (string Form0, string Form1)[] { ("towards", "toward"), ("afterwards", "afterward"), ("amongst", "among") }).ToList();
                    Assert.Equal(text, british.Aggregate(copy, (t, p) => Regex.Replace(t, $@"\b{Regex.Escape(p.Form1)}\b", p.Form0)));
                    Assert.NotEqual(text, copy);
                    continue;
                }
                var prefix = 0;
                while (prefix < Math.Min(text.Length, copy.Length) && text[prefix] == copy[prefix]) prefix++;
                var suffix = 0;
                while (suffix < Math.Min(text.Length, copy.Length) - prefix && text[^(suffix + 1)] == copy[^(suffix + 1)]) suffix++;
                var (was, now) = marked.OriginalCodeword[k] == 0 ? (site.Variant0, site.Variant1) : (site.Variant1, site.Variant0);
                Assert.Contains(text[prefix..^suffix], was, StringComparison.Ordinal);
                Assert.Contains(copy[prefix..^suffix], now, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_site_touches_code_spans_ids_versions_urls_paths_or_hashes(int sample)
    {
        var text = SampleAdvisories.All[sample] + "\nSee https://example.com/advisories/upgrade-to-4.2.7?ref=e.g. and `do not` in 4.2.7, e.g. CVE-2026-1234.";
        var marked = TextMarks.Prepare(text);
        var copies = new[] { marked.Render(new byte[marked.Sites.Count]), marked.Render([.. Enumerable.Repeat((byte)1, marked.Sites.Count)]) };
        var protectedSpans = Protected().Matches(text).Select(m => m.Value).ToList();
        Assert.NotEmpty(protectedSpans);
        foreach (var span in protectedSpans)
        {
            foreach (var copy in copies) Assert.Equal(Occurrences(text, span), Occurrences(copy, span));
        }
    }

    private static int Occurrences(string text, string span) => Regex.Matches(text, Regex.Escape(span)).Count;

    [GeneratedRegex(@"`[^`\n]+`|https?://\S+|CVE-\d{4}-\d+|KB-\d+|\b\d+(?:\.\d+)+\b|/[\w/.-]+|\b[0-9a-f]{16}\b")]
    private static partial Regex Protected();
}
