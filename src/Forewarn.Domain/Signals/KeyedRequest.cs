namespace Forewarn.Domain.Signals;

/// <summary>
/// A keyed request as the store keeps its source beside its log entry: the entry's index and
/// kind, the partner, key and artifact, when, and the network of its address (IPv4 /24, IPv6 /48;
/// null when the address was not known), and the country the address was delegated in (null when
/// unknown: no address, no country files, or an address in none of their ranges). What the signals read.
/// </summary>
public sealed record KeyedRequest(long LogIndex, string Kind, Guid? Partner, Guid Key, Guid? Artifact, DateTimeOffset At, string? Network,
    string? Address = null, string? Country = null)
{
    /// <summary>The kind of entry that records a copy served.</summary>
    public const string Served = "content.served";

    public bool IsServed => Kind == Served;
}

/// <summary>A PoC artifact and the moments its waves went out (the times a fetch is measured from).</summary>
public sealed record PocWaves(Guid Artifact, Guid Advisory, IReadOnlyList<DateTimeOffset> WaveTimes);
