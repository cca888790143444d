using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BclAes = System.Security.Cryptography.Aes;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Forewarn.Tracing.Tardos;

/// <summary>
/// AES-128 encryption of single blocks under one key (FIPS 197), used as a pseudo-random function
/// for codewords. On x86 with AES-NI the rounds run in place (no call into the platform's crypto
/// library per block, which costs microseconds); elsewhere the platform's AES in ECB mode does the
/// same work. Both give identical bytes (tested): AES is AES.
/// </summary>
public sealed class Aes128
{
    private readonly Vector128<byte>[]? roundKeys;
    private readonly byte[] key;

    public Aes128(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16) throw new ArgumentException("AES-128 takes a 16-byte key.", nameof(key));
        this.key = key.ToArray();
        if (Accelerated) roundKeys = Expand(Vector128.Create(this.key));
    }

    /// <summary>Whether the rounds run on AES-NI here (otherwise the platform's AES is called).</summary>
    public static bool Accelerated => X86Aes.IsSupported && Sse2.IsSupported;

    /// <summary>
    /// Counter mode: fills <paramref name="output"/> (whole blocks) with AES(nonce ‖ j) for
    /// j = 0, 1, …, the 12-byte <paramref name="nonce"/> followed by the block number j in 4 bytes,
    /// big-endian. <paramref name="forceLibrary"/> uses the platform's AES even when AES-NI is
    /// there (the reference the fast path is tested against).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Keystream(ReadOnlySpan<byte> nonce, Span<byte> output, bool forceLibrary = false)
    {
        if (nonce.Length != 12) throw new ArgumentException("The nonce holds 12 bytes.", nameof(nonce));
        if (output.Length % 16 != 0) throw new ArgumentException("Whole blocks only.", nameof(output));
        if (roundKeys is null || forceLibrary)
        {
            var counters = new byte[output.Length];
            for (var j = 0; j < output.Length / 16; j++)
            {
                nonce.CopyTo(counters.AsSpan(16 * j));
                BinaryPrimitives.WriteUInt32BigEndian(counters.AsSpan(16 * j + 12), (uint)j);
            }
            using var aes = BclAes.Create();
            aes.Key = key;
            aes.EncryptEcb(counters, output, System.Security.Cryptography.PaddingMode.None);
            return;
        }
        Span<byte> first = stackalloc byte[16];
        nonce.CopyTo(first);
        var start = Vector128.Create((ReadOnlySpan<byte>)first).AsUInt32();
        Vector128<byte> Block(int j) => start.WithElement(3, BinaryPrimitives.ReverseEndianness((uint)j)).AsByte();
        var k = roundKeys;
        Vector128<byte> k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], k6 = k[6], k7 = k[7], k8 = k[8], k9 = k[9], k10 = k[10];
        var blocks = output.Length / 16;
        var i = 0;
        for (; i + 4 <= blocks; i += 4)
        {
            // Four independent blocks in flight (AES-NI has a latency of several cycles per round),
            // round keys held in registers.
            var a = Block(i) ^ k0;
            var b = Block(i + 1) ^ k0;
            var c = Block(i + 2) ^ k0;
            var d = Block(i + 3) ^ k0;
            (a, b, c, d) = (X86Aes.Encrypt(a, k1), X86Aes.Encrypt(b, k1), X86Aes.Encrypt(c, k1), X86Aes.Encrypt(d, k1));
            (a, b, c, d) = (X86Aes.Encrypt(a, k2), X86Aes.Encrypt(b, k2), X86Aes.Encrypt(c, k2), X86Aes.Encrypt(d, k2));
            (a, b, c, d) = (X86Aes.Encrypt(a, k3), X86Aes.Encrypt(b, k3), X86Aes.Encrypt(c, k3), X86Aes.Encrypt(d, k3));
            (a, b, c, d) = (X86Aes.Encrypt(a, k4), X86Aes.Encrypt(b, k4), X86Aes.Encrypt(c, k4), X86Aes.Encrypt(d, k4));
            (a, b, c, d) = (X86Aes.Encrypt(a, k5), X86Aes.Encrypt(b, k5), X86Aes.Encrypt(c, k5), X86Aes.Encrypt(d, k5));
            (a, b, c, d) = (X86Aes.Encrypt(a, k6), X86Aes.Encrypt(b, k6), X86Aes.Encrypt(c, k6), X86Aes.Encrypt(d, k6));
            (a, b, c, d) = (X86Aes.Encrypt(a, k7), X86Aes.Encrypt(b, k7), X86Aes.Encrypt(c, k7), X86Aes.Encrypt(d, k7));
            (a, b, c, d) = (X86Aes.Encrypt(a, k8), X86Aes.Encrypt(b, k8), X86Aes.Encrypt(c, k8), X86Aes.Encrypt(d, k8));
            (a, b, c, d) = (X86Aes.Encrypt(a, k9), X86Aes.Encrypt(b, k9), X86Aes.Encrypt(c, k9), X86Aes.Encrypt(d, k9));
            X86Aes.EncryptLast(a, k10).CopyTo(output.Slice(16 * i, 16));
            X86Aes.EncryptLast(b, k10).CopyTo(output.Slice(16 * i + 16, 16));
            X86Aes.EncryptLast(c, k10).CopyTo(output.Slice(16 * i + 32, 16));
            X86Aes.EncryptLast(d, k10).CopyTo(output.Slice(16 * i + 48, 16));
        }
        for (; i < blocks; i++) Encrypt(Block(i)).CopyTo(output.Slice(16 * i, 16));
    }

    /// <summary>
    /// CBC-MAC of <paramref name="message"/> (whole blocks, zero IV): the last block of its CBC
    /// encryption. A pseudo-random function on a prefix-free set of messages (Bellare, Kilian and
    /// Rogaway 2000) — callers put the message's length in its first block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CbcMac(ReadOnlySpan<byte> message, Span<byte> mac, bool forceLibrary = false)
    {
        if (message.Length == 0 || message.Length % 16 != 0) throw new ArgumentException("Whole blocks only.", nameof(message));
        if (roundKeys is null || forceLibrary)
        {
            using var aes = BclAes.Create();
            aes.Key = key;
            var cipher = aes.EncryptCbc(message, new byte[16], System.Security.Cryptography.PaddingMode.None);
            cipher.AsSpan(cipher.Length - 16).CopyTo(mac);
            return;
        }
        var state = Vector128<byte>.Zero;
        for (var i = 0; i < message.Length; i += 16) state = Encrypt(state ^ Vector128.Create(message.Slice(i, 16)));
        state.CopyTo(mac);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<byte> Encrypt(Vector128<byte> block)
    {
        var k = roundKeys!;
        var s = block ^ k[0];
        for (var r = 1; r < 10; r++) s = X86Aes.Encrypt(s, k[r]);
        return X86Aes.EncryptLast(s, k[10]);
    }

    private static Vector128<byte>[] Expand(Vector128<byte> key)
    {
        var k = new Vector128<byte>[11];
        k[0] = key;
        k[1] = Next(k[0], X86Aes.KeygenAssist(k[0], 0x01));
        k[2] = Next(k[1], X86Aes.KeygenAssist(k[1], 0x02));
        k[3] = Next(k[2], X86Aes.KeygenAssist(k[2], 0x04));
        k[4] = Next(k[3], X86Aes.KeygenAssist(k[3], 0x08));
        k[5] = Next(k[4], X86Aes.KeygenAssist(k[4], 0x10));
        k[6] = Next(k[5], X86Aes.KeygenAssist(k[5], 0x20));
        k[7] = Next(k[6], X86Aes.KeygenAssist(k[6], 0x40));
        k[8] = Next(k[7], X86Aes.KeygenAssist(k[7], 0x80));
        k[9] = Next(k[8], X86Aes.KeygenAssist(k[8], 0x1b));
        k[10] = Next(k[9], X86Aes.KeygenAssist(k[9], 0x36));
        return k;
    }

    private static Vector128<byte> Next(Vector128<byte> key, Vector128<byte> assist)
    {
        var t = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        return key ^ t;
    }
}
