using System.Net;
using Forewarn.Domain.Signals.Countries;

namespace Forewarn.Domain.Tests.Signals.Countries;

public sealed class DelegatedStatisticsTests
{
    // Shaped like a registry's file: version line, summaries, a comment, then records of every type and status.
    private static readonly string[] File =
    [
        "# delegated-extended statistics, made up for the test",
        "2|examplenic|20261205|9|19830101|20261204|+0000",
        "examplenic|*|asn|*|1|summary",
        "examplenic|*|ipv4|*|5|summary",
        "examplenic|*|ipv6|*|3|summary",
        "examplenic|NO|asn|64500|1|20100101|allocated|a1",
        "examplenic|NO|ipv4|192.0.2.0|256|20100101|allocated|a1",
        "examplenic|JP|ipv4|198.51.100.0|1536|20120304|assigned|b2",   // six /24s: not a power of two
        "examplenic||ipv4|203.0.113.0|256||available|",
        "examplenic|ZZ|ipv4|203.0.114.0|256|20200101|reserved|",
        "examplenic|de|ipv4|100.64.0.7|1|20200101|assigned|c3",        // a single address; lower-case code read as upper
        "examplenic|NO|ipv6|2001:db8::|32|20100101|allocated|a1",
        "examplenic|JP|ipv6|2001:db9:8000::|33|20120304|allocated|b2",
        "",
        "examplenic|FR|ipv6|2001:dba::|128|20120304|assigned|d4",
    ];

    [Fact]
    public void Records_with_a_country_become_ranges_and_headers_summaries_comments_and_countryless_records_are_skipped_uncounted()
    {
        var read = DelegatedStatistics.Parse(File);
        Assert.Equal(0, read.Malformed);
        Assert.Equal(0, read.FirstMalformedLine);
        Assert.Equal(["NO", "JP", "DE", "NO", "JP", "FR"], read.Ranges.Select(r => r.Country));
    }

    [Theory]
    [InlineData("192.0.2.0", "NO")]
    [InlineData("192.0.2.255", "NO")]
    [InlineData("192.0.3.0", null)]
    [InlineData("198.51.100.0", "JP")]
    [InlineData("198.51.105.255", "JP")]   // the last of 1536 addresses
    [InlineData("198.51.106.0", null)]     // one past it
    [InlineData("203.0.113.9", null)]      // available: no country
    [InlineData("203.0.114.9", null)]      // reserved, ZZ
    [InlineData("100.64.0.7", "DE")]
    [InlineData("100.64.0.6", null)]
    [InlineData("100.64.0.8", null)]
    [InlineData("::ffff:192.0.2.7", "NO")] // IPv4 mapped into IPv6 is the IPv4 address
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "NO")]
    [InlineData("2001:db9::1", null)]      // the lower half of 2001:db9::/32 is not JP's /33
    [InlineData("2001:db9:8000::1", "JP")]
    [InlineData("2001:db9:ffff::", "JP")]
    [InlineData("2001:dba::", "FR")]
    [InlineData("2001:dba::1", null)]
    [InlineData("::c000:200", null)]       // 192.0.2.0's bits as plain IPv6: not the IPv4 address
    public void An_address_is_found_in_its_range_and_only_there(string address, string? country)
    {
        var table = CountryTable.From(DelegatedStatistics.Parse(File).Ranges);
        Assert.Equal(country, table.CountryOf(IPAddress.Parse(address)));
        Assert.Equal(country, table.CountryOf(address));
    }

    [Theory]
    [InlineData("examplenic|NO|ipv4|192.0.2.0|256")]                             // too few fields
    [InlineData("examplenic|NO|ipv4|192.0.2|256|20100101|allocated")]           // short address form
    [InlineData("examplenic|NO|ipv4|192.0.2.0|0|20100101|allocated")]           // no addresses
    [InlineData("examplenic|NO|ipv4|192.0.2.0|-256|20100101|allocated")]
    [InlineData("examplenic|NO|ipv4|255.255.255.0|257|20100101|allocated")]     // runs past the end of IPv4
    [InlineData("examplenic|NO|ipv4|2001:db8::|256|20100101|allocated")]        // wrong family
    [InlineData("examplenic|NO|ipv6|2001:db8::|129|20100101|allocated")]
    [InlineData("examplenic|NO|ipv6|2001:db8::1|32|20100101|allocated")]        // bits past the prefix
    [InlineData("examplenic|NO|ipv6|192.0.2.0|24|20100101|allocated")]
    [InlineData("examplenic|NOR|ipv4|192.0.2.0|256|20100101|allocated")]        // not a two-letter code
    [InlineData("examplenic|N1|ipv4|192.0.2.0|256|20100101|allocated")]
    [InlineData("examplenic|NO|ipv5|192.0.2.0|256|20100101|allocated")]         // unknown type
    [InlineData("examplenic|NO|ipv4|192.0.2.0|256|20100101|lent")]              // unknown status
    [InlineData("not a record at all")]
    public void A_malformed_line_is_skipped_and_counted_with_its_line_number(string bad)
    {
        var read = DelegatedStatistics.Parse([.. File.Take(6), bad, .. File.Skip(6)]);
        Assert.Equal(1, read.Malformed);
        Assert.Equal(7, read.FirstMalformedLine);
        Assert.Equal(6, read.Ranges.Count);
    }

    [Fact]
    public void Only_the_first_number_led_line_is_the_version_line()
    {
        var read = DelegatedStatistics.Parse(["2.3|examplenic|20261205|1|19830101|20261204|+0000", "2|NO|ipv4|192.0.2.0|256|20100101|allocated"]);
        Assert.Equal(0, read.Malformed);
        Assert.Equal("NO", Assert.Single(read.Ranges).Country); // a registry named "2" would still be read
    }
}
