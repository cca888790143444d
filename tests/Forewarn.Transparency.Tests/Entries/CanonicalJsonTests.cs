using Forewarn.Transparency.Entries;

namespace Forewarn.Transparency.Tests.Entries;

/// <summary>RFC 8785 canonical JSON: the scheme's own sample, and its number serialisation examples (Appendix B).</summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void The_schemes_sample_gives_its_canonical_form()
    {
        const string input = """
            {
              "numbers": [1E30,4.50,6,2e-3,0.000000000000000000000000001],
              "escaping": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "other":  [null, true, false]
            }
            """;
        Assert.Equal("{\"escaping\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"numbers\":[1e+30,4.5,6,0.002,1e-27],\"other\":[null,true,false]}",
            CanonicalJson.Canonicalize(input));
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    public void Numbers_read_as_ECMAScript_writes_them(ulong bits, string expected) =>
        Assert.Equal(expected, CanonicalJson.Number(BitConverter.UInt64BitsToDouble(bits)));

    [Fact]
    public void Members_sort_by_UTF16_code_units_and_duplicates_are_refused()
    {
        Assert.Equal("{\"\\r\":1,\"1\":2,\"A\":3,\"a\":4,\"é\":5,\"😀\":6,\"ﬀ\":7}",
            CanonicalJson.Canonicalize("{\"a\":4,\"ﬀ\":7,\"😀\":6,\"é\":5,\"A\":3,\"1\":2,\"\\r\":1}"));
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize("{\"a\":1,\"a\":2}"));
    }
}
