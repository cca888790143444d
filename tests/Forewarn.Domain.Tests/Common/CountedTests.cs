using Forewarn.Domain.Common;

namespace Forewarn.Domain.Tests.Common;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 advisories")]
    [InlineData(1, "1 advisory")]
    [InlineData(2, "2 advisories")]
    [InlineData(1000, "1000 advisories")]
    public void A_count_takes_the_noun_in_its_number(long count, string expected) =>
        Assert.Equal(expected, Counted.Of(count, "advisory", "advisories"));

    [Fact]
    public void The_noun_alone_follows_the_same_rule()
    {
        Assert.Equal("entry", Counted.Noun(1, "entry", "entries"));
        Assert.Equal("entries", Counted.Noun(0, "entry", "entries"));
    }
}
