using System.Security.Cryptography;
using System.Text;
using Forewarn.Tracing.Text;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// Copies already served are recorded by their SHA-256: at marker version 1 a text must keep its
/// sites and render the same bytes for ever. The hashes were computed with the finders of the
/// first round, before version 2 existed.
/// </summary>
public sealed class TextMarksV1GoldenTests
{
    public static TheoryData<int, int, string> Golden => new()
    {
        { 0, 37, "29b415e94ba0d75624a8a4e384b34a3f54627e3cc204221e91946ebbdf796620 c007832830f866478422e2964d4971e644d2e17b09b3dcfe321addbcafb1044f a8c5241fb068eb99ad2af9782fe0b7f52a3ceb628074f8421103a622b97fa947 65603684c9f42ec17b271f234a9e1e456ac2eec1abe45b81d35a48433198a213" },
        { 1, 24, "f7f2dd9fabd3e7fc266784b42cb2ed6114299e3f0c7cc93dbcaccb4256e3c466 12ff36b94db2377d2c307471e480b1f343978670dc9b83736535d49b083a6e83 b43a0807e755c36f0e787d1ed6e7e549c69b0e99b7abe7eda52e2a08eb1f72d2 69fc2ddad77f5733442f001884651931cd333f7361890837e07e791b9f0c0524" },
        { 2, 26, "35eeb0d9a380ec991d914e87ff484b4d2694351486e9ad515d286f7b8011047e cf1f3b64d8552aabc51a7e363b745a4ef5ba7cb8c526747d6f65764e783f4f13 68e1e2608824167ab85edcff03848b7f54fe7caeeb98cf99717ee8685f193248 c15abd9412275788d989a85cdd5194e17275c1029e15b1762e333cc4175d413c" },
        { 3, 88, "56d7921f9e8708fd578118a0ecd1f14f5e63bc2429c39248fea959fb52c94661 97651b6a842a84a17d01bd5a059a8acd32f7a3aed391337d7701b5e6de26c9c3 2b5af0132c333497b5c23c1d0aeb65414a2b016d07713dd1c4b76c53720ea790 19bb0d901bd966ed20eaa248b20cf997037b7e7530eef4f4072ff3ccbd3c0d27" },
        { 4, 48, "ba3315490dc62b60dc47692ace0c2ba7607effe47200b7febe42e46f119e6791 a1b5852555b9bfc5cd8a96d66aa25663bc7f9e469388f1ede7b48cf0e221d8e9 c1c913f5fe6722cda9c4250ab39fcbbaea99eebbec0b1ad4e4ddc58775270918 a0d6a3b62bbe85916886c42b04514c4231ab21e09b1b71667597d160763acf76" },
    };

    /// <summary>The three samples, the three as one advisory, and the demo description as version-1 copies were made of it.</summary>
    private static string Text(int index) => index switch
    {
        < 3 => SampleAdvisories.All[index],
        3 => string.Join("\n\n", SampleAdvisories.All),
        _ => SampleAdvisories.DemoDescriptionV1,
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Version_1_copies_are_byte_for_byte_those_served_before(int text, int sites, string hashes)
    {
        var marked = TextMarks.Prepare(Text(text), Forewarn.Tracing.MarkerVersion.First);
        Assert.Equal(sites, marked.Sites.Count);
        var actual = Codewords(sites).Select(word => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(marked.Render(word)))));
        Assert.Equal(hashes.Split(' '), actual);
    }

    private static IEnumerable<byte[]> Codewords(int n)
    {
        yield return new byte[n];
        yield return [.. Enumerable.Repeat((byte)1, n)];
        yield return [.. Enumerable.Range(0, n).Select(i => (byte)(i % 2))];
        var random = new Random(16);
        yield return [.. Enumerable.Range(0, n).Select(_ => (byte)random.Next(2))];
    }
}
