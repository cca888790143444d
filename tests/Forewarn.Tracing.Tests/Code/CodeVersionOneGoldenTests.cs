using System.Security.Cryptography;
using System.Text;
using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// Copies served under marker version 1 are recorded by their SHA-256 and must regenerate byte for
/// byte: these hashes and site counts were computed with the version-1 finders before any version-2
/// work, for the two sample PoCs and the demo's PoC (as it was then: <c>toolpane_poc_v1.py</c>; the demo's
/// PoC now carries q-ary templates, which version 1 refuses), at three fixed codewords.
/// </summary>
public sealed class CodeVersionOneGoldenTests
{
    [Theory]
    [InlineData("halcyon_overflow.py", CodeLanguage.Python, 111, "0fe1ee52a50c8b21321765c8863014dd7ac3853a98fcd38093d1352e30c17e78,8be2780fff66bcc12559c5f4b59e562c992d38a6e893d887b9e31b1275c500eb,26e315b136fefd482863ad417467866922bb81cfedeede01ae8fb5d5269ed82a")]
    [InlineData("HalcyonOverflow.cs", CodeLanguage.CSharp, 89, "395bca5592781b35b51866366369176d153bbd74629c0b0303ceddca17347334,b51ef8cabdbdf3e03eeac4e92f26283cf9d7c48e28aa742c07160f9596cc6a74,45501f8f483718b02c5bdea1d966931b81cab8083049d1aaa66664f6000c2dc9")]
    [InlineData("toolpane_poc_v1.py", CodeLanguage.Python, 86, "8e712801b412d6c1ba64d71976c9eb23291b56d33620334a93996f2e27c951d3,c953babb339bd1462762106e7a6d3868ccc4f8a3bb00ddf5bc79e54767608663,e4c5d6d2dd94c350add2fd3ad2c760b20cfe39e3d43ecaea2c358cd189dc18b5")]
    public void Version_1_copies_are_byte_identical(string sample, CodeLanguage language, int sites, string hashes)
    {
        var marked = CodeMarks.Prepare(CodeSamples.Load("Samples." + sample), language, MarkerVersion.First);
        var found = string.Join(",", Words(marked.Sites.Count).Select(w => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(marked.Render(w))))));
        Assert.Equal((sites, hashes), (marked.Sites.Count, found));
    }

    /// <summary>All 0, all 1, and a fixed pseudo-random word (bit i of i·0x9E3779B1 ≫ 7).</summary>
    private static IEnumerable<byte[]> Words(int n)
    {
        yield return new byte[n];
        yield return [.. Enumerable.Repeat((byte)1, n)];
        yield return [.. Enumerable.Range(0, n).Select(i => (byte)(((uint)i * 0x9E3779B1u >> 7) & 1))];
    }
}
