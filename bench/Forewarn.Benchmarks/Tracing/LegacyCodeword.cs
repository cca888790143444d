using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Forewarn.Benchmarks.Tracing;

/// <summary>
/// The codeword path before this benchmark's work (commit 279d232), kept only for the speed ratio:
/// HMAC-SHA256(secret, "forewarn/tardos/codeword/v1/{artifact}/{recipient}" ‖ counter) per 8 bytes
/// of stream, a 53-bit double per site compared with the bias, then a per-site symmetric score.
/// </summary>
internal static class LegacyCodeword
{
    public static byte[] CodewordOf(byte[] secret, string artifact, string recipient, IReadOnlyList<double> biases)
    {
        var label = Encoding.UTF8.GetBytes($"forewarn/tardos/codeword/v1/{artifact}/{recipient}");
        var input = new byte[label.Length + 8];
        label.CopyTo(input, 0);
        var word = new byte[biases.Count];
        byte[] block = [];
        var offset = 0;
        ulong counter = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (offset + 8 > block.Length)
            {
                BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(label.Length), counter++);
                block = HMACSHA256.HashData(secret, input);
                offset = 0;
            }
            var u = (BinaryPrimitives.ReadUInt64BigEndian(block.AsSpan(offset, 8)) >> 11) * (1.0 / (1UL << 53));
            offset += 8;
            word[i] = u < biases[i] ? (byte)1 : (byte)0;
        }
        return word;
    }

    public static double Score(byte[] codeword, IReadOnlyList<byte?> read, IReadOnlyList<double> biases)
    {
        var score = 0.0;
        for (var i = 0; i < codeword.Length; i++)
        {
            if (read[i] is not { } y) continue;
            var p = biases[i];
            var weight = y == 1 ? Math.Sqrt((1 - p) / p) : Math.Sqrt(p / (1 - p));
            var against = y == 1 ? Math.Sqrt(p / (1 - p)) : Math.Sqrt((1 - p) / p);
            score += codeword[i] == y ? weight : -against;
        }
        return score;
    }
}
