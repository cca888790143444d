namespace Forewarn.Stix.Tests;

public sealed class StixIdTests
{
    [Fact]
    public void The_same_name_always_gives_the_same_id_and_another_name_another()
    {
        Assert.Equal(StixId.For("report", "advisory/1"), StixId.For("report", "advisory/1"));
        Assert.NotEqual(StixId.For("report", "advisory/1"), StixId.For("report", "advisory/2"));
    }

    [Fact]
    public void Ids_are_type_dash_dash_uuid_version_5()
    {
        var id = StixId.For("indicator", "artifact/42/stix/[ipv4-addr:value = '203.0.113.45']");
        Assert.True(StixId.IsWellFormed(id), id);
        Assert.StartsWith("indicator--", id, StringComparison.Ordinal);
        Assert.Equal('5', id["indicator--".Length + 14]);
        Assert.Contains(id["indicator--".Length + 19], "89ab");
        Assert.Equal("indicator", StixId.TypeOf(id));
    }

    [Fact]
    public void Uuid_v5_matches_the_rfc_example()
    {
        // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StixId.UuidV5(dns, "www.example.com"));
    }

    [Fact]
    public void The_namespace_is_fixed()
    {
        // Changing it would give every published object a new id; TAXII clients would see duplicates.
        Assert.Equal(new Guid("d55682c2-ccaa-4e6d-9aff-937e12b2b149"), StixId.Namespace);
    }

    [Theory]
    [InlineData("indicator--1234")]
    [InlineData("Indicator--2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    [InlineData("2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    [InlineData(null)]
    public void Malformed_ids_are_recognised(string? id) => Assert.False(StixId.IsWellFormed(id));
}
