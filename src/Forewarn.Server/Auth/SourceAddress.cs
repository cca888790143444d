using System.Net;
using System.Net.Sockets;

namespace Forewarn.Server.Auth;

/// <summary>
/// Where a request came from, as the failure throttle and the record for staff group it. The
/// address is the connection's (behind a reverse proxy, enable forwarded headers so that it is
/// the client's: docs/security.md).
/// </summary>
public static class SourceAddress
{
    /// <summary>
    /// The throttle's partition: an IPv4 address, or an IPv6 /64 — one subscriber is usually given
    /// a whole /64, so counting single IPv6 addresses would let one attacker rotate through billions.
    /// </summary>
    public static string PartitionOf(IPAddress? address) => address is null ? "unknown" : Masked(address, v4Bits: 32, v6Bits: 64);

    /// <summary>
    /// The network an address belongs to (IPv4 /24, IPv6 /48), as the transparency log names
    /// sources: enough for staff to see where failures come from, without keeping a person's
    /// address for good in a log that cannot be edited.
    /// </summary>
    public static string NetworkOf(IPAddress? address) => address is null ? "unknown" : Masked(address, v4Bits: 24, v6Bits: 48);

    private static string Masked(IPAddress address, int v4Bits, int v6Bits)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? v4Bits : v6Bits;
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        var network = new IPAddress(bytes).ToString();
        return bits == bytes.Length * 8 ? network : $"{network}/{bits}";
    }
}
