using System.Net;
using Forewarn.Domain.Signals.Countries;

namespace Forewarn.Domain.Tests.Signals.Countries;

public sealed class CountryTableTests
{
    private static uint V4(string address) => (uint)(CountryRange.Position(IPAddress.Parse(address)) & uint.MaxValue);

    [Fact]
    public void Neighbouring_ranges_of_one_country_are_joined_and_overlaps_are_left_out_whatever_the_order()
    {
        CountryRange[] given =
        [
            CountryRange.Ipv4(V4("10.0.1.0"), 256, "NO"),
            CountryRange.Ipv4(V4("10.0.0.0"), 256, "NO"),
            CountryRange.Ipv4(V4("10.0.2.0"), 256, "JP"),
            CountryRange.Ipv4(V4("10.0.2.128"), 16, "SE"),  // inside JP's: left out
        ];
        foreach (var order in new[] { given, [.. given.Reverse()] })
        {
            var table = CountryTable.From(order);
            Assert.Equal(2, table.Count);
            Assert.Equal(1, table.Overlapping);
            Assert.Equal("NO", table.CountryOf("10.0.0.0"));
            Assert.Equal("NO", table.CountryOf("10.0.1.255"));
            Assert.Equal("JP", table.CountryOf("10.0.2.130"));
            Assert.Null(table.CountryOf("10.0.3.0"));
            Assert.Null(table.CountryOf("9.255.255.255"));
        }
    }

    [Fact]
    public void Unknown_or_empty_addresses_have_no_country_and_an_empty_table_knows_none()
    {
        var table = CountryTable.From([CountryRange.Ipv4(0, 1UL << 32, "ZY")]); // all of IPv4
        Assert.Equal("ZY", table.CountryOf("255.255.255.255"));
        Assert.Equal("ZY", table.CountryOf("0.0.0.0"));
        Assert.Null(table.CountryOf("::1"));
        Assert.Null(table.CountryOf(""));
        Assert.Null(table.CountryOf((string?)null));
        Assert.Null(table.CountryOf("not an address"));
        Assert.Null(CountryTable.From([]).CountryOf("192.0.2.1"));
    }

    [Fact]
    public void Lookups_agree_with_a_plain_scan_on_random_ranges()
    {
        var random = new Random(14);
        for (var round = 0; round < 50; round++)
        {
            var ranges = Enumerable.Range(0, 40).Select(_ => CountryRange.Ipv4((uint)random.Next(0, 1 << 20), (ulong)random.Next(1, 5000),
                ((char)('A' + random.Next(3))).ToString() + "X")).ToList();
            var table = CountryTable.From(ranges);
            // What the table promises: the range that starts first (the larger on a tie) wins; later overlapping ones are left out.
            var kept = new List<CountryRange>();
            foreach (var r in ranges.OrderBy(r => r.First).ThenByDescending(r => r.Last).ThenBy(r => r.Country, StringComparer.Ordinal))
                if (kept.Count == 0 || r.First > kept[^1].Last) kept.Add(r);
            for (var probe = 0; probe < 200; probe++)
            {
                var at = (uint)random.Next(0, (1 << 20) + 5000);
                var expected = kept.FirstOrDefault(r => r.Contains(CountryRange.Position(new IPAddress(BitConverter.GetBytes(at).Reverse().ToArray())))).Country;
                Assert.Equal(expected, table.CountryOf(new IPAddress(BitConverter.GetBytes(at).Reverse().ToArray())));
            }
        }
    }
}
