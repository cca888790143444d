using Forewarn.Tracing.Trace;

namespace Forewarn.Tracing.Tests.Trace;

/// <summary>The rule that sets aside normalised variant classes, one case at a time.</summary>
public sealed class UnreadClassesTests
{
    private static MarkSite Synonym(string a, string b) => new("synonym", a, b);

    private static MarkSite Order(int i) => new("order", "a, b", "b, a") { Class = $"order:{i}", Form0 = "as-written", Form1 = "swapped" };

    private static IReadOnlyList<byte?> Reads(params int[] values) => [.. values.Select(v => v < 0 ? (byte?)null : (byte)v)];

    private static MarkSite[] Repeat(MarkSite site, int times) => [.. Enumerable.Repeat(site, times)];

    /// <summary>Synonym classes read 3, 4, 4 and 5 times (12 redundant reads), one read once, and a contraction read twice.</summary>
    private static readonly MarkSite[] Advisory =
    [
        .. Repeat(Synonym("allows", "permits"), 3), .. Repeat(Synonym("obtain", "acquire"), 4),
        .. Repeat(Synonym("inbound", "incoming"), 4), .. Repeat(Synonym("attacker", "adversary"), 5),
        Synonym("modify", "alter"), .. Repeat(new MarkSite("contraction", "do not", "don't"), 2),
    ];

    [Fact]
    public void A_kind_too_uniform_for_chance_is_set_aside_whole_with_its_classes_read_once()
    {
        var read = Reads(0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1);
        var decision = UnreadClasses.Decide(Advisory, read);
        Assert.Equal(["synonym"], decision.Kinds);
        Assert.Empty(decision.Classes);
        // The mixed contraction goes too: a normaliser of words that made the synonyms uniform went over it as well.
        Assert.Equal(Enumerable.Range(0, 19), decision.Sites);
        Assert.Equal([.. Enumerable.Repeat<byte?>(null, 19)], UnreadClasses.Apply(Advisory, read));
    }

    [Fact]
    public void Uniformity_that_chance_gives_often_enough_is_kept()
    {
        // The same leak with the last synonym class unread: 8 redundant reads, uniform once in 256 honest copies.
        var read = Reads(0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1, -1, -1, 1, 0, 1);
        Assert.Same(read, UnreadClasses.Apply(Advisory, read));
        Assert.Empty(UnreadClasses.Decide(Advisory, read, falseAlarm: 1.0 / 4096).Sites);
        Assert.Equal(14, UnreadClasses.Decide(Advisory, read, falseAlarm: 1.0 / 128).Sites.Count); // a looser test takes the kind, and its reach
    }

    [Fact]
    public void A_kind_with_a_mixed_class_is_kept_but_a_class_normalised_on_its_own_goes()
    {
        // "attacker" made "adversary" all 14 times; "allows"/"permits" mixed: the kind is not uniform, the class is.
        MarkSite[] sites = [.. Repeat(Synonym("attacker", "adversary"), 14), .. Repeat(Synonym("allows", "permits"), 2)];
        var read = Reads(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1);
        var decision = UnreadClasses.Decide(sites, read);
        Assert.Empty(decision.Kinds);
        Assert.Equal(["synonym:adversary|attacker"], decision.Classes);
        Assert.Equal(Enumerable.Range(0, 16), decision.Sites); // and the rest of the words' reach with it
    }

    [Fact]
    public void Sites_whose_class_is_their_own_are_never_judged()
    {
        MarkSite[] sites = [.. Enumerable.Range(0, 30).Select(Order), .. Repeat(Synonym("attacker", "adversary"), 16)];
        var read = Reads([.. Enumerable.Repeat(0, 30), .. Enumerable.Repeat(1, 16)]);
        var kept = UnreadClasses.Apply(sites, read);
        Assert.All(kept.Take(30), r => Assert.Equal((byte)0, r));
        Assert.All(kept.Skip(30), r => Assert.Null(r));
    }

    [Fact]
    public void Uniformity_is_of_the_form_a_normaliser_sees_not_of_the_variant_number()
    {
        // British is variant 0 at half the sites and variant 1 at the others: reading 1, 0, 1, 0 … shows "american" throughout.
        MarkSite Spelling(int i) => i % 2 == 0
            ? new("spelling", "behaviour", "behavior") { Class = "spelling", Form0 = "british", Form1 = "american" }
            : new("spelling", "analyze", "analyse") { Class = "spelling", Form0 = "american", Form1 = "british" };
        var sites = Enumerable.Range(0, 14).Select(Spelling).ToArray();
        Assert.Equal(["spelling"], UnreadClasses.Decide(sites, Reads([.. Enumerable.Range(0, 14).Select(i => 1 - i % 2)])).Kinds);
        Assert.Empty(UnreadClasses.Decide(sites, Reads([.. Enumerable.Repeat(1, 14)])).Sites); // half american, half british: an honest mix
    }

    [Fact]
    public void A_site_whose_two_forms_look_alike_is_no_evidence_of_uniformity()
    {
        var alike = new MarkSite("synonym", "Allows", "allows") { Class = "synonym:x" };
        MarkSite[] sites = [.. Repeat(alike, 20), Synonym("attacker", "adversary") with { Class = "synonym:x" }];
        var read = Reads([.. Enumerable.Repeat(0, 20), 1]);
        Assert.Same(read, UnreadClasses.Apply(sites, read));
    }

    [Fact]
    public void Unread_sites_are_no_evidence_and_reads_that_do_not_fit_are_refused()
    {
        var sites = Repeat(Synonym("attacker", "adversary"), 20);
        var read = Reads([.. Enumerable.Repeat(-1, 12), .. Enumerable.Repeat(1, 8)]);
        Assert.Same(read, UnreadClasses.Apply(sites, read));
        Assert.Throws<ArgumentException>(() => UnreadClasses.Apply(sites, Reads(1, 1)));
    }

    [Fact]
    public void The_artifacts_of_one_leak_are_judged_together_and_never_merged()
    {
        // Each artifact alone: a synonym kind with 7 redundant reads, uniform once in 128 honest copies — kept.
        MarkSite[] sites = [.. Repeat(Synonym("attacker", "adversary"), 4), .. Repeat(Synonym("allows", "permits"), 5), .. Enumerable.Range(0, 6).Select(Order)];
        var read = Reads(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Same(read, UnreadClasses.Apply(sites, read));

        // Together, 14 redundant reads all uniform: once in 16,384 — both set aside, the order sites of neither.
        var both = UnreadClasses.Apply([new ArtifactReads(sites, read), new ArtifactReads(sites, read)]);
        Assert.All(both, kept => Assert.Equal([.. Enumerable.Repeat<byte?>(null, 9), .. Enumerable.Repeat<byte?>(0, 6)], kept));

        // Read once in each of two artifacts, "order:0" is still two classes of one site: never a class read twice.
        var decisions = UnreadClasses.Decide([new ArtifactReads([Order(0)], Reads(0)), new ArtifactReads([Order(0)], Reads(0))], falseAlarm: 1);
        Assert.All(decisions, d => Assert.Empty(d.Sites));
    }

    [Fact]
    public void The_chance_of_honest_uniformity_is_the_exact_tail()
    {
        // Units with 1, 1 and 2 redundant reads: S = B₁ + B₂ + 2·B₃, P(B = 1) = 1/2, 1/2, 1/4; P(S ≥ 2) = 1 − 3/16 − 6/16.
        UnreadClasses.Unit[] units = [new("a", 1, true), new("b", 1, false), new("c", 2, true)];
        Assert.Equal(7.0 / 16, UnreadClasses.ChanceOfAtLeast(units, 2), 12);
        Assert.Equal(1.0, UnreadClasses.ChanceOfAtLeast(units, 0), 12);
        Assert.Equal(1.0 / 16, UnreadClasses.ChanceOfAtLeast(units, 4), 12);
        Assert.Equal(0.0, UnreadClasses.ChanceOfAtLeast(units, 5), 12);
        Assert.Equal(Math.Pow(2, -12), UnreadClasses.ChanceOfAtLeast([new("x", 12, true)], 12), 15);
    }

    [Fact]
    public void The_kind_is_the_class_up_to_its_colon_or_the_site_kind()
    {
        Assert.Equal("synonym", UnreadClasses.KindOf(Synonym("allows", "permits")));
        Assert.Equal("quote-style", UnreadClasses.KindOf(new MarkSite("quote-style", "'a'", "\"a\"") { Class = "quote-style" }));
        Assert.Equal("order", UnreadClasses.KindOf(Order(3)));
    }
}
