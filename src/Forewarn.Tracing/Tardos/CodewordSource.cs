using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace Forewarn.Tracing.Tardos;

/// <summary>
/// Regenerates any recipient's codeword of one artifact from the programme secret — nothing is
/// stored per copy. One HMAC-SHA256 per artifact gives two AES-128 keys:
/// K_tag ‖ K_stream = HMAC-SHA256(secret, "forewarn/tardos/codeword/v2/{artifact}"). A recipient's
/// 12-byte tag is the CBC-MAC under K_tag of (length of the recipient's UTF-8 name, 4 bytes
/// big-endian ‖ the name ‖ zeros to a whole block) — a keyed pseudo-random function (length
/// first, so no encoded name is a prefix of another), so nobody without the secret can look for
/// two names with the same tag. The recipient's stream is AES-CTR under K_stream with the tag as
/// nonce. If every bias is 1/2, site i takes bit i of the stream (bit i mod 8 of byte ⌊i/8⌋);
/// otherwise site i takes variant 1 when the 16-bit little-endian number u_i at bytes 2i, 2i+1 is
/// below the site's level (bias·2¹⁶), which happens with probability exactly the bias.
/// </summary>
public sealed class CodewordSource
{
    private readonly Aes128 tagKey;
    private readonly Aes128 streamKey;
    private readonly ushort[] levels;

    public CodewordSource(ReadOnlySpan<byte> secret, string artifact, IReadOnlyList<ushort> levels)
    {
        if (secret.Length < 16) throw new ArgumentException("The programme secret must hold at least 16 bytes.", nameof(secret));
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(levels);
        Span<byte> keys = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"forewarn/tardos/codeword/v2/{artifact}"), keys);
        tagKey = new Aes128(keys[..16]);
        streamKey = new Aes128(keys[16..]);
        this.levels = [.. levels];
        OneBitPerSite = this.levels.All(l => l == 32768);
        Words = (this.levels.Length + 63) / 64;
        var bytes = OneBitPerSite ? (this.levels.Length + 7) / 8 : 2 * this.levels.Length;
        StreamBytes = Math.Max(16, (bytes + 15) / 16 * 16);
    }

    /// <summary>Every bias is 1/2: one bit of the stream per site.</summary>
    public bool OneBitPerSite { get; }

    /// <summary>The number of 64-bit words a codeword's bits take.</summary>
    public int Words { get; }

    /// <summary>The bytes of stream one codeword needs (whole AES blocks).</summary>
    public int StreamBytes { get; }

    /// <summary>A scratch buffer for <see cref="Bits"/> (one per thread).</summary>
    public byte[] NewScratch() => new byte[StreamBytes + 32];

    /// <summary>
    /// The recipient's codeword as bits: bit i of <paramref name="bits"/> (word i/64, bit i mod 64)
    /// is the variant at site i; bits past the last site are left as they fall.
    /// <paramref name="reference"/> runs the platform's AES instead of AES-NI (for tests).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bits(string recipient, Span<ulong> bits, byte[] scratch, bool reference = false)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var stream = scratch.AsSpan(0, StreamBytes);
        Span<byte> tag = stackalloc byte[16];
        Tag(recipient, tag, reference);
        streamKey.Keystream(tag[..12], stream, reference);
        if (OneBitPerSite && BitConverter.IsLittleEndian)
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(stream)[..Words].CopyTo(bits);
            return;
        }
        if (OneBitPerSite)
        {
            Span<byte> word = stackalloc byte[8];
            for (var w = 0; w < Words; w++)
            {
                var take = Math.Min(8, stream.Length - 8 * w);
                word.Clear();
                stream.Slice(8 * w, take).CopyTo(word);
                bits[w] = BinaryPrimitives.ReadUInt64LittleEndian(word);
            }
            return;
        }
        Compare(stream, bits);
    }

    private void Tag(string recipient, Span<byte> tag, bool reference)
    {
        var length = Encoding.UTF8.GetByteCount(recipient);
        var blocks = (4 + length + 15) / 16;
        var message = blocks <= 16 ? stackalloc byte[16 * blocks] : new byte[16 * blocks];
        message.Clear();
        BinaryPrimitives.WriteInt32BigEndian(message, length);
        Encoding.UTF8.GetBytes(recipient, message[4..]);
        tagKey.CbcMac(message, tag, reference);
    }

    /// <summary>Variant 1 where u_i &lt; level_i: sixteen sites per vector compare.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compare(ReadOnlySpan<byte> stream, Span<ulong> bits)
    {
        var m = levels.Length;
        bits[..Words].Clear();
        var i = 0;
        if (Vector256.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            var u = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(stream);
            for (; i + 16 <= m; i += 16)
            {
                var less = Vector256.LessThan(Vector256.Create(u.Slice(i, 16)), Vector256.Create(levels.AsSpan(i, 16)));
                bits[i >> 6] |= (ulong)less.ExtractMostSignificantBits() << (i & 63);
            }
        }
        for (; i < m; i++)
            if (BinaryPrimitives.ReadUInt16LittleEndian(stream[(2 * i)..]) < levels[i]) bits[i >> 6] |= 1UL << (i & 63);
    }
}
