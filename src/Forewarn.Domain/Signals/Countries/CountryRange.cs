using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Forewarn.Domain.Signals.Countries;

/// <summary>
/// A block of addresses delegated to holders in one country, as a first and last address on one
/// 128-bit line: IPv6 as it is, IPv4 at its IPv4-mapped place (<c>::ffff:a.b.c.d</c>), so both
/// families sort and search in one table and never overlap each other.
/// </summary>
/// <param name="First">The first address of the block.</param>
/// <param name="Last">The last address of the block (inclusive).</param>
/// <param name="Country">The ISO 3166 two-letter code the registry records (upper case).</param>
public readonly record struct CountryRange(UInt128 First, UInt128 Last, string Country)
{
    private static readonly UInt128 MappedIpv4 = new(0, 0xFFFF_0000_0000UL);

    /// <summary>The place of <paramref name="address"/> on the line (an IPv4 address mapped into IPv6 counts as IPv4).</summary>
    public static UInt128 Position(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes[12..], out _);
            return MappedIpv4 | BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        }
        address.TryWriteBytes(bytes, out _);
        return new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>The <paramref name="count"/> IPv4 addresses from <paramref name="start"/>.</summary>
    public static CountryRange Ipv4(uint start, ulong count, string country) =>
        new(MappedIpv4 | start, (MappedIpv4 | start) + (UInt128)(count - 1), country);

    /// <summary>The IPv6 block <paramref name="start"/>/<paramref name="prefix"/>.</summary>
    public static CountryRange Ipv6(UInt128 start, int prefix, string country) =>
        new(start, prefix == 128 ? start : start | (UInt128.MaxValue >> prefix), country); // a shift by 128 would be one by 0

    public bool Contains(UInt128 position) => First <= position && position <= Last;
}
