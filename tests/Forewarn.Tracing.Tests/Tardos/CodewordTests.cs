using System.Buffers.Binary;
using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Tests.Tardos;

/// <summary>
/// How codewords are drawn: the fast path (AES-NI, all recipients at once) gives exactly what
/// <see cref="TardosCode.CodewordOf"/> and <see cref="TardosCode.Score"/> give, and both follow the
/// documented definition computed with the platform's AES; biases are the quantised levels.
/// </summary>
public sealed class CodewordTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(40, 32).Select(i => (byte)i)];

    public static TheoryData<int, int> Designs => new() { { 37, 1 }, { 500, 2 }, { 203, 3 }, { 1000, 4 }, { 777, 5 }, { 130, 12 } };

    [Theory]
    [MemberData(nameof(Designs))]
    public void All_scores_at_once_equal_each_codeword_scored_alone(int sites, int design)
    {
        var code = TardosCode.ForArtifact(Secret, "art", sites, design);
        var random = new Random(sites);
        var read = Enumerable.Range(0, sites).Select(_ => random.Next(3) switch { 0 => (byte?)null, 1 => (byte?)0, _ => (byte?)1 }).ToArray();
        var recipients = Enumerable.Range(0, 300).Select(j => $"recipient-{j}-{new string('x', j % 40)}").ToArray();
        var all = code.ScoreAll(Secret, "art", recipients, read);
        var serial = code.ScoreAll(Secret, "art", recipients, read, parallel: false);
        for (var j = 0; j < recipients.Length; j++)
        {
            var alone = code.Score(code.CodewordOf(Secret, "art", recipients[j]), read);
            Assert.Equal(alone, all[j]);
            Assert.Equal(alone, serial[j]);
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void A_codeword_follows_its_definition_with_the_platforms_aes(int sites, int design)
    {
        var code = TardosCode.ForArtifact(Secret, "def", sites, design);
        var source = code.Source(Secret, "def");
        foreach (var recipient in new[] { "a", "partner-0042", "Ünïcode-名前", new string('r', 200) })
        {
            var bits = new ulong[source.Words];
            source.Bits(recipient, bits, source.NewScratch(), reference: true);
            var word = code.CodewordOf(Secret, "def", recipient);
            for (var i = 0; i < sites; i++) Assert.Equal((byte)((bits[i >> 6] >> (i & 63)) & 1), word[i]);
            Assert.Equal(Reference(code, "def", recipient), word);
        }
    }

    /// <summary>The definition in docs/tracing.md, written out with the platform's HMAC and AES only.</summary>
    private static byte[] Reference(TardosCode code, string artifact, string recipient)
    {
        var keys = System.Security.Cryptography.HMACSHA256.HashData(Secret, System.Text.Encoding.UTF8.GetBytes($"forewarn/tardos/codeword/v2/{artifact}"));
        using var aes = System.Security.Cryptography.Aes.Create();
        var name = System.Text.Encoding.UTF8.GetBytes(recipient);
        var message = new byte[(4 + name.Length + 15) / 16 * 16];
        BinaryPrimitives.WriteInt32BigEndian(message, name.Length);
        name.CopyTo(message, 4);
        aes.Key = keys[..16];
        var tag = aes.EncryptCbc(message, new byte[16], System.Security.Cryptography.PaddingMode.None)[^16..];
        var half = code.Levels.All(l => l == 32768);
        var bytes = half ? (code.Length + 7) / 8 : 2 * code.Length;
        var counters = new byte[Math.Max(16, (bytes + 15) / 16 * 16)];
        for (var j = 0; j < counters.Length / 16; j++)
        {
            tag.AsSpan(0, 12).CopyTo(counters.AsSpan(16 * j));
            BinaryPrimitives.WriteUInt32BigEndian(counters.AsSpan(16 * j + 12), (uint)j);
        }
        aes.Key = keys[16..];
        var stream = aes.EncryptEcb(counters, System.Security.Cryptography.PaddingMode.None);
        return [.. Enumerable.Range(0, code.Length).Select(i => half
            ? (byte)((stream[i / 8] >> (i % 8)) & 1)
            : (byte)(BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(2 * i)) < code.Levels[i] ? 1 : 0))];
    }

    [Fact]
    public void Aes_ni_gives_the_same_bytes_as_the_platforms_aes()
    {
        var random = new Random(5);
        for (var n = 0; n < 20; n++)
        {
            var key = new byte[16];
            random.NextBytes(key);
            var aes = new Aes128(key);
            var nonce = new byte[12];
            random.NextBytes(nonce);
            var fast = new byte[16 * (1 + n * 3)];
            var slow = new byte[fast.Length];
            aes.Keystream(nonce, fast);
            aes.Keystream(nonce, slow, forceLibrary: true);
            Assert.Equal(slow, fast);
            var message = new byte[16 * (1 + n % 5)];
            random.NextBytes(message);
            byte[] mac1 = new byte[16], mac2 = new byte[16];
            aes.CbcMac(message, mac1);
            aes.CbcMac(message, mac2, forceLibrary: true);
            Assert.Equal(mac2, mac1);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(32)]
    public void Biases_are_the_quantised_levels_inside_the_cutoff_and_drawn_as_often_as_designed(int design)
    {
        var code = TardosCode.ForArtifact(Secret, "q", 20_000, design);
        var distribution = code.Distribution;
        Assert.Equal(code.Levels.Select(l => l / 65536.0), code.Biases);
        Assert.All(code.Biases, p => Assert.InRange(p, code.Cutoff, 1 - code.Cutoff));
        Assert.True(code.Cutoff is > 0 and <= 0.5);
        Assert.All(code.Levels, l => Assert.Contains(l, distribution.Levels));
        for (var i = 0; i < distribution.Levels.Count; i++)
        {
            var share = code.Levels.Count(l => l == distribution.Levels[i]) / 20_000.0;
            Assert.InRange(share, distribution.Weights[i] - 0.02, distribution.Weights[i] + 0.02);
        }
        // Symmetric: p and 1 − p are equally likely; and each site's variant 1 comes up with its bias.
        Assert.Equal(distribution.Levels.Select(l => 65536 - l).Reverse(), distribution.Levels.Select(l => (int)l));
        var ones = new int[code.Length];
        for (var j = 0; j < 200; j++)
        {
            var word = code.CodewordOf(Secret, "q", $"r{j}");
            for (var i = 0; i < code.Length; i++) ones[i] += word[i];
        }
        var expected = code.Biases.Sum() * 200;
        Assert.InRange(ones.Sum(), expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    [Fact]
    public void Nuidas_distributions_for_two_and_four_colluders()
    {
        Assert.Equal([32768], BiasDistribution.For(1).Levels);
        Assert.Equal([32768], BiasDistribution.For(2).Levels);
        var four = BiasDistribution.For(4);
        Assert.Equal(2, four.Levels.Count);
        Assert.Equal(0.5 - 1 / (2 * Math.Sqrt(3)), four.Bias(0), 4);
        Assert.Equal(0.5, four.Weights[0], 12);
    }
}
