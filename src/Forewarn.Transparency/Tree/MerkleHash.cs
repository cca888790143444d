using System.Security.Cryptography;

namespace Forewarn.Transparency.Tree;

/// <summary>
/// The hashes of an RFC 9162 Merkle tree (section 2.1.1), SHA-256: a leaf hash is
/// H(0x00 ‖ entry), an interior node H(0x01 ‖ left ‖ right), the empty tree H().
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] Empty() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var buffer = entry.Length <= 1024 ? stackalloc byte[entry.Length + 1] : new byte[entry.Length + 1];
        buffer[0] = 0x00;
        entry.CopyTo(buffer[1..]);
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * Size];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree.</summary>
    public static long Split(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var k = 1L;
        while (k << 1 < n) k <<= 1;
        return k;
    }
}
