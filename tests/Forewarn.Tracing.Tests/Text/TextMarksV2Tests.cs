using System.Text.RegularExpressions;
using Forewarn.Tracing.Text;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// Version 2 of the prose marks: one spelling convention per copy, variants only where they read
/// naturally, list and bullet order, the introductory comma, the author's q-ary templates — each
/// surviving the journeys the first round's sites survive, keeping every identifier, number and
/// URL, and reading back exactly.
/// </summary>
public sealed partial class TextMarksV2Tests(ITestOutputHelper output)
{
    /// <summary>The three samples, the three as one advisory, the demo description with its templates, and a text with every new class.</summary>
    public static TheoryData<int> Texts => [0, 1, 2, 3, 4, 5];

    private static string TextOf(int index) => index switch
    {
        < 3 => SampleAdvisories.All[index],
        3 => string.Join("\n\n", SampleAdvisories.All),
        4 => SampleAdvisories.DemoDescription,
        _ => EveryClass,
    };

    private const string EveryClass = """
        In most deployments, the gateway accepts serialised objects from any client. The flaw allows an attacker to obtain
        sensitive information such as credentials, certificates and session keys. Send the test request to
        {{fw:lab01.example|lab02.example|lab03.example|lab04.example}} and check the `audit.log` file for CVE-2026-31337.

        Look for these signs in the logs:

        - Inbound connections to the console from unknown networks.
        - Unexpected child processes of the service, e.g. a shell.
        - Outbound traffic that does not match updates.
        - Changes to routing rules you did not make.

        During an incident, the team should organise a review of the authorisation logs at https://example.com/review within 14 days.
        """;

    [Fact]
    public void The_text_with_every_class_has_each_of_them()
    {
        var kinds = TextMarks.Prepare(EveryClass).Sites.Select(s => s.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { IntroCommaSiteFinder.Kind, ListOrderSiteFinder.Kind, BulletOrderSiteFinder.Kind, TextTemplates.Kind, Conventions.Spelling, PhrasePairs.Abbreviation }, kinds);
        Assert.Equal(2, TextMarks.Prepare(EveryClass).Sites.Count(s => s.Kind == BulletOrderSiteFinder.Kind));
    }

    private static byte[] RandomWord(int length, Random random) => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(2))];

    private static IEnumerable<byte[]> Codewords(int length, int seed, int randoms = 30)
    {
        yield return new byte[length];
        yield return [.. Enumerable.Repeat((byte)1, length)];
        var random = new Random(seed);
        for (var i = 0; i < randoms; i++) yield return RandomWord(length, random);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_copy_keeps_one_spelling_convention_which_is_one_mark(int text)
    {
        var marked = TextMarks.Prepare(TextOf(text));
        Assert.True(marked.Sites.Count(s => s.Class == Conventions.Spelling) <= 1);
        var pairs = PhrasePairs.All.Where(p => p.Kind == PhrasePairs.Spelling && p.Form0 != "e-mail").ToList();
        foreach (var word in Codewords(marked.Sites.Count, 10 + text))
        {
            var copy = marked.Render(word);
            var british = pairs.Any(p => Regex.IsMatch(copy, $@"\b{Regex.Escape(p.Form0)}\b"));
            var american = pairs.Any(p => Regex.IsMatch(copy, $@"\b{Regex.Escape(p.Form1)}\b"));
            Assert.False(british && american, "a copy mixes British and American spelling");
        }
    }

    [Fact]
    public void The_spelling_mark_reads_as_the_convention_seen_and_null_when_a_leak_mixes_both()
    {
        var marked = TextMarks.Prepare(SampleAdvisories.Mitigation);
        var at = marked.Sites.Select((s, i) => (s, i)).Single(p => p.s.Class == Conventions.Spelling).i;
        var british = marked.Render(new byte[marked.Sites.Count]);
        var american = marked.Render([.. Enumerable.Repeat((byte)1, marked.Sites.Count)]);
        Assert.Equal((byte)0, marked.Read(british)[at]);
        Assert.Equal((byte)1, marked.Read(american)[at]);
        Assert.Contains("organisations", british, StringComparison.Ordinal);
        Assert.Null(marked.Read(british.Replace("organisations", "organizations", StringComparison.Ordinal))[at]);
    }

    [Fact]
    public void The_collision_check_finds_the_echo_version_1_made_in_the_demo_description()
    {
        var marked = TextMarks.Prepare(SampleAdvisories.DemoDescriptionV1, MarkerVersion.First);
        var added = Codewords(marked.Sites.Count, 3).SelectMany(w => Collisions.Added(SampleAdvisories.DemoDescriptionV1, marked.Render(w))).ToList();
        Assert.Contains(added, a => a.Contains("update to the July update", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_copy_repeats_a_word_its_original_does_not(int text)
    {
        var marked = TextMarks.Prepare(TextOf(text));
        var original = marked.Render(marked.OriginalCodeword);
        foreach (var word in Codewords(marked.Sites.Count, 20 + text, 60))
        {
            var added = Collisions.Added(original, marked.Render(word));
            Assert.True(added.Count == 0, string.Join("\n", added));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_copy_reads_back_exactly_after_an_email_or_a_chat(int text)
    {
        var marked = TextMarks.Prepare(TextOf(text));
        var random = new Random(30 + text);
        Func<string, string>[] journeys =
        [
            t => t,
            Leaks.CollapseWhitespace,
            Leaks.SmartenQuotes,
            t => Leaks.Rewrap(t, 50),
            t => Leaks.Rewrap(Leaks.SmartenQuotes(t), 90),
            t => Leaks.Noise(Leaks.CollapseWhitespace(Leaks.SmartenQuotes(t)), random),
            t => t.Replace("\n", "\r\n", StringComparison.Ordinal),
        ];
        foreach (var word in Codewords(marked.Sites.Count, 40 + text, 10))
        {
            var copy = marked.Render(word);
            Assert.DoesNotContain("{{fw:", copy, StringComparison.Ordinal);
            foreach (var journey in journeys) Assert.Equal(word.Select(b => (byte?)b), marked.Read(journey(copy)));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_variant_changes_an_identifier_a_number_or_a_url(int text)
    {
        var marked = TextMarks.Prepare(TextOf(text));
        var authored = marked.Sites.Select((s, i) => (s, i)).Where(p => p.s.Kind == TextTemplates.Kind).Select(p => p.i).ToHashSet();
        var baseline = Facts(marked.Render(new byte[marked.Sites.Count]));
        foreach (var word in Codewords(marked.Sites.Count, 50 + text))
        {
            foreach (var i in authored) word[i] = 0; // the author's templates vary their example values on purpose
            Assert.Equal(baseline, Facts(marked.Render(word)));
        }
    }

    /// <summary>Identifiers, numbers (count words as digits, thousands unseparated), URLs, ids, paths and code spans, sorted.</summary>
    private static List<string> Facts(string copy)
    {
        var counts = new[] { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };
        var text = Regex.Replace(copy, @"\b(?:two|three|four|five|six|seven|eight|nine|ten)\b(?= [a-z]{3,})", m => (Array.IndexOf(counts, m.Value) + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        text = Regex.Replace(text, @"(?<=\d),(?=\d{3}\b)", "");
        return [.. FactPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"`[^`\n]+`|https?://\S+|\b(?:CVE|KB)-[\w-]+|\S*[/\\_]\S*|\b\w*\d[\w.:-]*|\b[A-Za-z]+[A-Z][a-z]\w*")]
    private static partial Regex FactPattern();

    [Fact]
    public void The_demo_description_carries_at_least_thirty_template_marks_that_survive_a_rewrite_of_every_sentence()
    {
        var marked = TextMarks.Prepare(SampleAdvisories.DemoDescription);
        var templates = marked.Sites.Select((s, i) => (s, i)).Where(p => p.s.Kind == TextTemplates.Kind).Select(p => p.i).ToList();
        output.WriteLine($"{templates.Count} template marks of {marked.Sites.Count}");
        Assert.True(templates.Count >= 30, $"{templates.Count} template marks");
        var random = new Random(61);
        for (var run = 0; run < 20; run++)
        {
            var word = RandomWord(marked.Sites.Count, random);
            var read = marked.Read(Rewriter.Reword(marked.Render(word)));
            foreach (var i in templates) Assert.Equal(word[i], read[i]);
            var automatic = Enumerable.Range(0, read.Count).Except(templates).Count(i => read[i] is not null);
            Assert.True(automatic <= 2, $"{automatic} automatic marks survived the rewrite");
        }
    }


    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void A_leaker_who_makes_every_word_class_uniform_leaves_the_order_comma_and_template_marks(int text)
    {
        var marked = TextMarks.Prepare(TextOf(text));
        string[] robust = [TextTemplates.Kind, ListOrderSiteFinder.Kind, BulletOrderSiteFinder.Kind, IntroCommaSiteFinder.Kind];
        var random = new Random(80 + text);
        var read = 0;
        var held = 0;
        for (var run = 0; run < 10; run++)
        {
            var word = RandomWord(marked.Sites.Count, random);
            var marks = marked.Read(Normalise(marked.Render(word)));
            for (var i = 0; i < marks.Count; i++)
            {
                if (!robust.Contains(marked.Sites[i].Kind)) continue;
                held++;
                if (marks[i] is not { } y) continue;
                Assert.Equal(word[i], y);
                read++;
            }
        }
        output.WriteLine($"{read} of {held} order, comma and template marks read after normalising");
        Assert.True(read >= held * 9 / 10, $"{read} of {held} read");
    }

    /// <summary>
    /// What a careful leaker does to the words: every British spelling made American, every pair of
    /// the synonym, contraction and abbreviation lists set to one form, "e.g.," made "e.g.".
    /// </summary>
    private static string Normalise(string copy)
    {
        foreach (var pair in PhrasePairs.All)
        {
            var (from, to) = pair.Kind == PhrasePairs.Spelling ? (pair.Form0, pair.Form1) : (pair.Form1, pair.Form0);
            copy = Regex.Replace(copy, $@"(?<![\w'’-]){Regex.Escape(from).Replace("'", "['’]", StringComparison.Ordinal)}(?![\w'’-])", to, RegexOptions.IgnoreCase);
        }
        foreach (var (british, american) in new[] { ("towards", "toward"), ("afterwards", "afterward"), ("amongst", "among") })
            copy = Regex.Replace(copy, $@"\b{british}\b", american);
        return copy.Replace("e.g.,", "e.g.", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("It leaks data such as credentials, certificates and session keys to the attacker.", "credentials, certificates", "certificates, credentials")]
    [InlineData("It affects routers, switches, firewalls and printers in the default setup.", "routers, switches", "switches, routers")]
    public void An_inline_list_whose_order_says_nothing_swaps_two_items(string sentence, string variant0, string variant1) =>
        Assert.Contains(SitesOf(sentence), s => s.Kind == ListOrderSiteFinder.Kind && s.Variant0 == variant0 && s.Variant1 == variant1);

    [Theory]
    [InlineData("Stop the service, then rotate the keys and restart it in this order: stop, rotate and restart.")]
    [InlineData("The two ports, respectively the admin, data and backup ports are affected.")]
    [InlineData("It affects version 3, version 4 and version 5 of the agent.")]
    public void No_inline_list_order_where_order_or_numbers_matter(string sentence) =>
        Assert.DoesNotContain(SitesOf(sentence), s => s.Kind == ListOrderSiteFinder.Kind);

    [Fact]
    public void Bullets_swap_in_pairs_with_the_marks_inside_them_and_numbered_or_sequenced_lists_never()
    {
        const string bullets = "Look for these signs:\n\n- Inbound connections to the console from unknown networks.\n- Unexpected child processes of the service, e.g. a shell.\n- Outbound traffic that does not match updates.\n\nReview them daily.";
        var marked = TextMarks.Prepare(bullets);
        Assert.Single(marked.Sites, s => s.Kind == BulletOrderSiteFinder.Kind);
        Assert.Contains(marked.Sites, s => s.Class == ExampleComma.Class);
        foreach (var word in Codewords(marked.Sites.Count, 70))
        {
            var copy = marked.Render(word);
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(Leaks.Rewrap(Leaks.SmartenQuotes(copy), 40)));
        }
        Assert.DoesNotContain(TextMarks.Prepare("Steps:\n\n1. Stop the service.\n2. Rotate the keys.\n").Sites, s => s.Kind == BulletOrderSiteFinder.Kind);
        Assert.DoesNotContain(TextMarks.Prepare("Steps:\n\n- Stop the service.\n- Then rotate the keys.\n").Sites, s => s.Kind == BulletOrderSiteFinder.Kind);
        Assert.DoesNotContain(TextMarks.Prepare("Signs:\n\n- A new admin account.\n- The same account as above, logging in.\n").Sites, s => s.Kind == BulletOrderSiteFinder.Kind);
    }

    [Fact]
    public void The_comma_after_a_short_introductory_phrase_is_a_mark_only_where_dropping_it_cannot_join_phrase_and_clause()
    {
        Assert.Contains(SitesOf("In most deployments, the service listens on all interfaces."), s => s.Kind == IntroCommaSiteFinder.Kind && s.Variant0 == ",");
        Assert.DoesNotContain(SitesOf("After patching, rotate the keys."), s => s.Kind == IntroCommaSiteFinder.Kind);
        Assert.DoesNotContain(SitesOf("In edit mode the page accepts a definition."), s => s.Kind == IntroCommaSiteFinder.Kind);
        Assert.DoesNotContain(SitesOf("In the attacks we know of, the adversary writes a page."), s => s.Kind == IntroCommaSiteFinder.Kind);
    }

    [Fact]
    public void A_q_ary_template_takes_log2_of_its_variants_in_marks_and_reads_back_each_variant()
    {
        const string text = "Preamble sentence here. Send the request to {{fw:alpha.example|beta.example|gamma.example|delta.example}} and wait for {{fw:ten|twenty}} seconds. Use the account {{fw:a1|b2|c3|d4|e5|f6|g7|h8}} for the test. Closing sentence here.";
        var marked = TextMarks.Prepare(text);
        Assert.Equal(6, marked.Sites.Count(s => s.Kind == TextTemplates.Kind));
        for (var v = 0; v < 64; v++)
        {
            var word = Enumerable.Range(0, marked.Sites.Count).Select(i => (byte)((v >> i) & 1)).ToArray();
            var copy = marked.Render(word);
            Assert.DoesNotContain("{{fw:", copy, StringComparison.Ordinal);
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(Leaks.Noise(Leaks.Rewrap(copy, 30), new Random(v))));
        }
        Assert.Contains("alpha.example", marked.Render(new byte[6]), StringComparison.Ordinal);
        Assert.Contains("delta.example", marked.Render([1, 1, 0, 0, 0, 0]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A {{fw:one|two and more.")]
    [InlineData("A {{fw:one|two|three}} sample.")]
    [InlineData("A {{fw:one|one}} sample.")]
    [InlineData("A {{fw:one|{{fw:two|three}}}} sample.")]
    public void A_malformed_template_is_refused(string text)
    {
        var e = Assert.Throws<TextMarkException>(() => TextMarks.Prepare(text));
        Assert.Equal("bad-template", e.Code);
    }

    [Fact]
    public void Version_1_never_parses_templates()
    {
        const string text = "Send it to {{fw:alpha.example|beta.example}} now, before the deadline.";
        var marked = TextMarks.Prepare(text, MarkerVersion.First);
        Assert.DoesNotContain(marked.Sites, s => s.Kind == TextTemplates.Kind);
        Assert.Contains("{{fw:", marked.Render(new byte[marked.Sites.Count]), StringComparison.Ordinal);
    }

    private static IReadOnlyList<MarkSite> SitesOf(string sentence) =>
        TextMarks.Prepare("Preamble sentence here. " + sentence + " Closing sentence here.").Sites;
}
