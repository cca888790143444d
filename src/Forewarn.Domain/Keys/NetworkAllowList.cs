using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Keys;

/// <summary>
/// The networks a key (or every key of a partner) may be used from: CIDR blocks, IPv4 or IPv6.
/// Parsed strictly — a block whose address has bits set past its prefix (<c>10.0.0.5/24</c>) is
/// refused with the block that was probably meant, since silently widening or narrowing it would
/// bind the key to a network nobody wrote. A bare address is its own block (/32, /128). Kept in
/// canonical form, so two lists that allow the same blocks read the same.
/// </summary>
public sealed class NetworkAllowList
{
    /// <summary>At most this many blocks per list: a list is a few offices and data centres, not a geography.</summary>
    public const int MaxNetworks = 64;

    private readonly IReadOnlyList<IPNetwork> networks;

    private NetworkAllowList(IReadOnlyList<IPNetwork> networks) => this.networks = networks;

    /// <summary>The blocks in canonical text (<c>192.0.2.0/24</c>, <c>2001:db8::/48</c>), in the order given, without repeats.</summary>
    public IReadOnlyList<string> Blocks => [.. networks.Select(n => n.ToString())];

    public bool IsEmpty => networks.Count == 0;

    /// <summary>Parses CIDR blocks; throws <c>invalid-network</c> naming the first that is not one.</summary>
    public static NetworkAllowList Parse(IEnumerable<string?>? blocks)
    {
        var parsed = new List<IPNetwork>();
        foreach (var raw in blocks ?? [])
        {
            var text = raw?.Trim() ?? "";
            var network = ParseOne(text);
            if (!parsed.Contains(network)) parsed.Add(network);
        }
        if (parsed.Count > MaxNetworks)
            throw new DomainException("invalid-network", $"At most {MaxNetworks} networks may be listed; {parsed.Count} were given.");
        return new NetworkAllowList(parsed);
    }

    private static IPNetwork ParseOne(string text)
    {
        var cut = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = cut < 0 ? text : text[..cut];
        // IPAddress also reads the old short forms ("10.0.0" is 10.0.0.0, "10" is 0.0.0.10): a block is written in full.
        if (text.Length is > 0 and <= 64 && IPAddress.TryParse(addressText, out var address) && !addressText.Contains('%', StringComparison.Ordinal)
            && (addressText.Contains(':', StringComparison.Ordinal) || addressText.Count(c => c == '.') == 3))
        {
            address = Plain(address);
            var width = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            var bits = width;
            if (cut < 0 || (int.TryParse(text[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out bits) && bits <= width))
            {
                var network = Masked(address, bits);
                if (!network.Equals(address))
                    throw new DomainException("invalid-network",
                        $"'{text}' has address bits set past its /{bits} prefix: did you mean {network}/{bits}?");
                return new IPNetwork(network, bits);
            }
        }
        throw new DomainException("invalid-network", $"'{Shown(text)}' is not a network: write a CIDR block such as 192.0.2.0/24 or 2001:db8::/48.");
    }

    /// <summary>Whether <paramref name="address"/> lies in one of the blocks (an IPv4 address mapped into IPv6 counts as IPv4). An empty list allows nothing.</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null) return false;
        address = Plain(address);
        return networks.Any(n => n.Contains(address));
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPAddress Masked(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++) bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(bits - (i * 8), 0, 8)));
        return new IPAddress(bytes);
    }

    // A refused value is echoed only as far as it is safe and short to show.
    private static string Shown(string text) =>
        new string([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
