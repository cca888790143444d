using Forewarn.Tracing.Trace;

namespace Forewarn.Tracing.Tests.Trace;

/// <summary>The rule that sets aside normalised variant classes, one case at a time.</summary>
public sealed class UnreadClassesTests
{
    private static MarkSite Synonym(string a, string b) => new("synonym", a, b);

    private static MarkSite Order(int i) => new("order", "a, b", "b, a") { Class = $"order:{i}", Form0 = "as-written", Form1 = "swapped" };

    private static IReadOnlyList<byte?> Reads(params int[] values) => [.. values.Select(v => v < 0 ? (byte?)null : (byte)v)];

    [Fact]
    public void A_class_read_four_times_in_one_form_is_set_aside_and_three_times_is_not()
    {
        var sites = Enumerable.Repeat(Synonym("attacker", "adversary"), 4).ToArray();
        Assert.All(UnreadClasses.Apply(sites, Reads(1, 1, 1, 1)), r => Assert.Null(r));
        Assert.Equal(["synonym:adversary|attacker"], UnreadClasses.Decide(sites, Reads(1, 1, 1, 1)).Classes);

        var three = Reads(0, 0, 0, -1);
        Assert.Same(three, UnreadClasses.Apply(sites, three));
        var mixed = Reads(0, 0, 1, 0);
        Assert.Same(mixed, UnreadClasses.Apply(sites, mixed));
    }

    [Fact]
    public void A_kind_whose_repeated_classes_are_all_uniform_is_set_aside_whole_with_its_single_sites()
    {
        // Two classes read twice and one read three times: Σ (n − 1) = 1 + 1 + 2 = 4 redundant reads, all uniform.
        MarkSite[] sites =
        [
            Synonym("allows", "permits"), Synonym("allows", "permits"),
            Synonym("obtain", "acquire"), Synonym("obtain", "acquire"),
            Synonym("inbound", "incoming"), Synonym("inbound", "incoming"), Synonym("inbound", "incoming"),
            Synonym("modify", "alter"), // read once: it goes with its kind
            new("contraction", "do not", "don't"), // another kind: kept
        ];
        var read = Reads(0, 0, 1, 1, 0, 0, 0, 1, 1);
        var decision = UnreadClasses.Decide(sites, read);
        Assert.Equal(["synonym"], decision.Kinds);
        Assert.Empty(decision.Classes);
        Assert.Equal(Enumerable.Range(0, 8), decision.Sites);
        Assert.Equal(Reads(-1, -1, -1, -1, -1, -1, -1, -1, 1), UnreadClasses.Apply(sites, read));
    }

    [Fact]
    public void A_kind_is_kept_when_one_repeated_class_is_mixed_or_the_uniform_reads_are_too_few()
    {
        MarkSite[] sites =
        [
            Synonym("allows", "permits"), Synonym("allows", "permits"),
            Synonym("obtain", "acquire"), Synonym("obtain", "acquire"),
            Synonym("inbound", "incoming"), Synonym("inbound", "incoming"),
            Synonym("modify", "alter"),
        ];
        var oneMixed = Reads(0, 0, 1, 1, 0, 1, 1);
        Assert.Same(oneMixed, UnreadClasses.Apply(sites, oneMixed));
        var onlyTwoRedundant = Reads(0, 0, 1, 1, 0, -1, 1);
        Assert.Same(onlyTwoRedundant, UnreadClasses.Apply(sites, onlyTwoRedundant));
    }

    [Fact]
    public void Sites_whose_class_is_their_own_are_never_judged()
    {
        var sites = Enumerable.Range(0, 12).Select(Order).Concat(Enumerable.Repeat(Synonym("attacker", "adversary"), 5)).ToArray();
        var read = Reads([.. Enumerable.Repeat(0, 12), 1, 1, 1, 1, 1]);
        var kept = UnreadClasses.Apply(sites, read);
        Assert.All(kept.Take(12), r => Assert.Equal((byte)0, r));
        Assert.All(kept.Skip(12), r => Assert.Null(r));
    }

    [Fact]
    public void Uniformity_is_of_the_form_a_normaliser_sees_not_of_the_variant_number()
    {
        // British is variant 0 at two sites and variant 1 at the other two: every read shows "american".
        MarkSite Spelling(bool britishFirst) => britishFirst
            ? new("spelling", "behaviour", "behavior") { Class = "spelling", Form0 = "british", Form1 = "american" }
            : new("spelling", "analyze", "analyse") { Class = "spelling", Form0 = "american", Form1 = "british" };
        MarkSite[] sites = [Spelling(true), Spelling(false), Spelling(true), Spelling(false)];
        Assert.Equal(["spelling"], UnreadClasses.Decide(sites, Reads(1, 0, 1, 0)).Classes);
        Assert.Empty(UnreadClasses.Decide(sites, Reads(1, 1, 1, 1)).Sites); // two american, two british: an honest mix
    }

    [Fact]
    public void A_site_whose_two_forms_look_alike_is_no_evidence_of_uniformity()
    {
        var alike = new MarkSite("synonym", "Allows", "allows") { Class = "synonym:x" };
        var sites = new[] { alike, alike, alike, Synonym("attacker", "adversary") with { Class = "synonym:x" } };
        var read = Reads(0, 1, 0, 1);
        Assert.Same(read, UnreadClasses.Apply(sites, read));
    }

    [Fact]
    public void Unread_sites_are_no_evidence_and_reads_that_do_not_fit_are_refused()
    {
        var sites = Enumerable.Repeat(Synonym("attacker", "adversary"), 6).ToArray();
        var read = Reads(-1, -1, 1, 1, 1, -1);
        Assert.Same(read, UnreadClasses.Apply(sites, read));
        Assert.Throws<ArgumentException>(() => UnreadClasses.Apply(sites, Reads(1, 1)));
    }

    [Fact]
    public void The_kind_is_the_class_up_to_its_colon_or_the_site_kind()
    {
        Assert.Equal("synonym", UnreadClasses.KindOf(Synonym("allows", "permits")));
        Assert.Equal("quote-style", UnreadClasses.KindOf(new MarkSite("quote-style", "'a'", "\"a\"") { Class = "quote-style" }));
        Assert.Equal("order", UnreadClasses.KindOf(Order(3)));
    }
}
