using System.Text;
using System.Text.RegularExpressions;
using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed class HashFileTests
{
    private static readonly byte[] Abc = Encoding.ASCII.GetBytes("abc");

    [Fact]
    public void The_sha256_file_is_the_digest_two_spaces_and_the_file_name_as_sha256sum_writes_it()
    {
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  fw-2026-1201.json\n",
            HashFile.Sha256Line(Abc, "fw-2026-1201.json"));
    }

    [Fact]
    public void The_sha512_file_starts_with_the_128_digit_digest()
    {
        var line = HashFile.Sha512Line(Abc, "fw-2026-1201.json");

        Assert.StartsWith("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f  ", line, StringComparison.Ordinal);
        Assert.EndsWith("  fw-2026-1201.json\n", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_digest_is_written_in_lower_case()
    {
        Assert.Equal($"{new string('a', 64)}  x.json\n", HashFile.Line(new string('A', 64), "x.json"));
    }

    [Fact]
    public void What_a_checker_reads_from_the_file_is_the_digest()
    {
        // The BSI checker takes the leading run of hex digits of the first line that has one.
        var line = HashFile.Sha256Line(Abc, "fw-2026-1201.json");
        var read = Regex.Match(line, "^[0-9a-fA-F]+").Value;

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Abc)), read);
    }

    [Theory]
    [InlineData("2026/x.json")]
    [InlineData("x.json\nevil")]
    public void The_file_name_is_a_bare_name(string fileName)
    {
        Assert.Throws<ArgumentException>(() => HashFile.Line(new string('a', 64), fileName));
    }
}
