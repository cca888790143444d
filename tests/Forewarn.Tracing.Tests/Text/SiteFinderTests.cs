using Forewarn.Tracing.Text;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>Where a site is placed, and where it must not be because the swap would change the meaning or the grammar.</summary>
public sealed class SiteFinderTests
{
    private static IReadOnlyList<MarkSite> SitesOf(string sentence, int version) =>
        TextMarks.Prepare("Preamble sentence here. " + sentence + " Closing sentence here.", version).Sites;

    private static IReadOnlyList<MarkSite> SitesOf(string sentence) => SitesOf(sentence, MarkerVersion.Current);

    /// <summary>The forms a site offers at position 0 and 1 (a four-way site lists its variants " | "-separated).</summary>
    private static bool Offers(MarkSite s, string variant0, string variant1) =>
        (s.Variant0 == variant0 && s.Variant1 == variant1) || (s.Variant0.Split(" | ").Contains(variant0) && s.Variant1.Split(" | ").Contains(variant1));

    private static bool Mentions(MarkSite s, string form) => s.Variant0.Split(" | ").Contains(form) || s.Variant1.Split(" | ").Contains(form);

    [Theory]
    [InlineData("The flaw allows a remote attacker to obtain sensitive information.", "allows", "permits")]
    [InlineData("Upgrade now because 3 requests are enough to crash it.", "3", "three")]
    [InlineData("Roughly 12,000 gateways are reachable.", "12,000", "12000")]
    [InlineData("It affects Windows, Linux and macOS in the default setup.", "", ",")]
    [InlineData("Do not expose the console to the internet.", "Do not", "Don't")]
    [InlineData("Block the port, e.g. with a firewall rule.", "e.g.", "for example")]
    [InlineData("Apply the update before upgrading the cluster.", "prior to", "before")]
    [InlineData("The deserialisation step runs first.", "deserialisation", "deserialization")]
    public void A_site_is_placed_with_both_forms(string sentence, string variant0, string variant1)
    {
        Assert.Contains(SitesOf(sentence, MarkerVersion.First), s => s.Variant0 == variant0 && s.Variant1 == variant1);
        Assert.Contains(SitesOf(sentence, MarkerVersion.Current), s => Offers(s, variant0, variant1));
    }

    [Theory]
    [InlineData("Check the value before it is used by the parser.", "before")]
    [InlineData("The scan ran for a while and stopped.", "while")]
    [InlineData("A maliciously crafted file triggers the bug.", "crafted")]
    [InlineData("The Authorization header is not checked.", "Authorization")]
    [InlineData("Versions before version 3 of the agent use port 8443 and 10 of them listen.", "3")]
    [InlineData("When enabled, the server and client share a key.", ",")]
    [InlineData("Run `do not` in the shell and see CVE-2026-1234 at https://example.com/allows/attacker.", "do not")]
    [InlineData("Set remote_admin_allows to false.", "allows")]
    [InlineData("A value that is larger than the limit is rejected.", "that is")]
    [InlineData("Three requests are enough.", "Three")]
    public void No_site_where_the_swap_would_change_meaning_grammar_or_a_name(string sentence, string form)
    {
        Assert.DoesNotContain(SitesOf(sentence, MarkerVersion.First), s => s.Variant0 == form || s.Variant1 == form);
        Assert.DoesNotContain(SitesOf(sentence, MarkerVersion.Current), s => Mentions(s, form));
    }

    [Fact]
    public void An_article_must_fit_both_forms()
    {
        Assert.Contains(SitesOf("This lets an attacker log in."), s => s.Variant0 == "attacker");
        Assert.DoesNotContain(SitesOf("The switch is an enabled feature of the unit."), s => s.Variant0 == "enabled");
    }
}
