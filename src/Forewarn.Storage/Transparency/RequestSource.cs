using Forewarn.Transparency.Entries;

namespace Forewarn.Storage.Transparency;

/// <summary>
/// Where a keyed request recorded in the log came from, stored beside its entry (same
/// transaction, keyed by the entry's index) and never in it: the client's address and network,
/// with the entry's kind, partner, artifact, key and time copied for lookups — so signals and the
/// exposure analysis read sources without opening entry bodies. Addresses are personal data: the
/// log can never be edited, this table can be pruned.
/// </summary>
public sealed class RequestSource
{
    private RequestSource() { }

    public RequestSource(long logIndex, LogEvent logged, EntrySource source)
    {
        LogIndex = logIndex;
        Kind = logged.Kind;
        PartnerId = logged.Partner;
        ArtifactId = logged.Artifact;
        KeyId = source.Key;
        At = source.At;
        Address = source.Address;
        Network = source.Network;
    }

    public long LogIndex { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? PartnerId { get; private set; }
    public Guid? ArtifactId { get; private set; }
    public Guid KeyId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The client's address as text (IPv4 dotted, IPv6 compressed); null when unknown.</summary>
    public string? Address { get; private set; }
    /// <summary>The address's network: IPv4 /24, IPv6 /48 (<c>192.0.2.0/24</c>).</summary>
    public string? Network { get; private set; }
}
