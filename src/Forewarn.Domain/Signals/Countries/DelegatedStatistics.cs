using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Forewarn.Domain.Signals.Countries;

/// <summary>
/// Reads a Regional Internet Registry's "delegated-extended" statistics file — the public,
/// daily list of what each registry delegated to whom, by country — one line at a time:
/// <c>registry|cc|type|start|value|date|status[|opaque-id[|…]]</c>, where for <c>ipv4</c> the
/// value is a count of addresses (not always a power of two) and for <c>ipv6</c> a prefix length.
/// The version line, the <c>…|*|type|*|count|summary</c> lines, comments (<c>#</c>) and blank
/// lines are skipped; so are records that name no country (available or reserved space, code
/// <c>ZZ</c>) and <c>asn</c> records, which carry no addresses. Any other line that is not a
/// well-formed record is skipped and counted, never guessed at.
/// </summary>
public sealed class DelegatedStatistics
{
    private readonly List<CountryRange> ranges = [];
    private int lineNumber;
    private bool versionSeen;

    /// <summary>The delegations with a country read so far, in file order.</summary>
    public IReadOnlyList<CountryRange> Ranges => ranges;

    /// <summary>How many lines were not well-formed and were skipped.</summary>
    public int Malformed { get; private set; }

    /// <summary>The number (from 1) of the first malformed line, for a person to look at; 0 when none.</summary>
    public int FirstMalformedLine { get; private set; }

    /// <summary>Reads every line of one file.</summary>
    public static DelegatedStatistics Parse(IEnumerable<string> lines)
    {
        var read = new DelegatedStatistics();
        foreach (var line in lines) read.Read(line);
        return read;
    }

    /// <summary>Reads the next line of the file.</summary>
    public void Read(string line)
    {
        lineNumber++;
        var text = line.Trim();
        if (text.Length == 0 || text[0] == '#') return;
        var fields = text.Split('|');
        if (!versionSeen && fields.Length >= 2 && double.TryParse(fields[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            versionSeen = true; // 2|ripencc|20261205|…: the file's version line
            return;
        }
        if (fields.Length >= 6 && fields[1] == "*" && fields[5] == "summary") return;
        if (!Record(fields)) Skip();
    }

    private bool Record(string[] fields)
    {
        if (fields.Length < 7 || fields[0].Length == 0) return false;
        var (cc, type, start, value, status) = (fields[1].ToUpperInvariant(), fields[2], fields[3], fields[4], fields[6]);
        if (type == "asn") return true;
        if (type is not ("ipv4" or "ipv6")) return false;
        if (status is "available" or "reserved") return true;
        if (status is not ("allocated" or "assigned")) return false;
        if (cc.Length == 0 || cc == "ZZ") return true; // delegated, but the registry names no country
        if (cc.Length != 2 || !cc.All(char.IsAsciiLetterUpper)) return false;
        var range = type == "ipv4" ? Ipv4(start, value, cc) : Ipv6(start, value, cc);
        if (range is null) return false;
        ranges.Add(range.Value);
        return true;
    }

    private static CountryRange? Ipv4(string start, string value, string cc)
    {
        // Only the full dotted form: IPAddress would also read "10.1" as 10.0.0.1.
        if (start.Count(c => c == '.') != 3 || !IPAddress.TryParse(start, out var address) || address.AddressFamily != AddressFamily.InterNetwork) return null;
        if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0) return null;
        var first = (uint)(CountryRange.Position(address) & uint.MaxValue);
        if (first + count - 1 > uint.MaxValue) return null; // runs past 255.255.255.255
        return CountryRange.Ipv4(first, count, cc);
    }

    private static CountryRange? Ipv6(string start, string value, string cc)
    {
        if (!start.Contains(':', StringComparison.Ordinal) || start.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(start, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 128) return null;
        var first = CountryRange.Position(address);
        var hostBits = prefix == 128 ? UInt128.Zero : UInt128.MaxValue >> prefix;
        // A start with bits set past its prefix is not a block: which block was meant is a guess.
        return (first & hostBits) == 0 ? CountryRange.Ipv6(first, prefix, cc) : null;
    }

    private void Skip()
    {
        Malformed++;
        if (FirstMalformedLine == 0) FirstMalformedLine = lineNumber;
    }
}
