using System.Net;
using Forewarn.Server.Auth;

namespace Forewarn.Server.Tests.Security;

/// <summary>How the throttle and the staff's record group source addresses.</summary>
public sealed class SourceAddressTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.77", "203.0.113.0/24")] // IPv4 over an IPv6 socket is the same address
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64", "2001:db8:aa::/48")]
    [InlineData("2001:db8:aa:bb:ffff:ffff:ffff:ffff", "2001:db8:aa:bb::/64", "2001:db8:aa::/48")] // one /64: one partition
    public void Addresses_are_throttled_by_IPv4_address_or_IPv6_64_and_named_in_the_log_by_network(string address, string partition, string network)
    {
        Assert.Equal(partition, SourceAddress.PartitionOf(IPAddress.Parse(address)));
        Assert.Equal(network, SourceAddress.NetworkOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_request_with_no_address_is_one_unknown_source()
    {
        Assert.Equal("unknown", SourceAddress.PartitionOf(null));
        Assert.Equal("unknown", SourceAddress.NetworkOf(null));
    }
}
