using System.Net;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;

namespace Forewarn.Domain.Tests.Keys;

public sealed class NetworkAllowListTests
{
    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.0/24")]
    [InlineData(" 192.0.2.7 ", "192.0.2.7/32")]
    [InlineData("2001:DB8::/48", "2001:db8::/48")]
    [InlineData("::ffff:192.0.2.0/24", "192.0.2.0/24")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    public void Blocks_are_kept_in_canonical_form(string given, string canonical) =>
        Assert.Equal([canonical], NetworkAllowList.Parse([given]).Blocks);

    [Theory]
    [InlineData("10.0.0.5/24", "did you mean 10.0.0.0/24")]
    [InlineData("2001:db8::1/48", "did you mean 2001:db8::/48")]
    [InlineData("10.0.0.0/33", "is not a network")]
    [InlineData("10.0.0.0/-1", "is not a network")]
    [InlineData("10.0.0/24", "is not a network")]
    [InlineData("fe80::1%eth0", "is not a network")]
    [InlineData("", "is not a network")]
    [InlineData("example.org", "is not a network")]
    public void A_block_that_is_not_exact_is_refused_with_a_sentence(string given, string says)
    {
        var e = Assert.Throws<DomainException>(() => NetworkAllowList.Parse(["192.0.2.0/24", given]));
        Assert.Equal("invalid-network", e.Code);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.255", true)]
    [InlineData("192.0.2.0/24", "192.0.3.0", false)]
    [InlineData("192.0.2.0/24", "::ffff:192.0.2.9", true)] // an IPv4 client on a dual-stack socket
    [InlineData("2001:db8::/48", "2001:db8:0:ffff::1", true)]
    [InlineData("2001:db8::/48", "192.0.2.1", false)]
    [InlineData("127.0.0.2/32", "127.0.0.3", false)]
    public void An_address_is_allowed_exactly_when_a_block_holds_it(string block, string address, bool allowed) =>
        Assert.Equal(allowed, NetworkAllowList.Parse([block]).Allows(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_never_allowed_and_repeats_are_kept_once()
    {
        var list = NetworkAllowList.Parse(["192.0.2.0/24", "192.0.2.0/24", "192.0.2.1"]);
        Assert.Equal(["192.0.2.0/24", "192.0.2.1/32"], list.Blocks);
        Assert.False(list.Allows(null));
        Assert.Throws<DomainException>(() => NetworkAllowList.Parse(Enumerable.Range(0, 65).Select(i => $"10.0.{i}.0/24")));
    }
}
