using Forewarn.Transparency.Entries;

namespace Forewarn.Storage.Transparency;

/// <summary>
/// A log entry staged in the same transaction as the change it records, waiting for the
/// sequencer to give it its place in the tree: a change and its entry are committed together or
/// not at all, and a crash between the commit and the append loses nothing — the next batch takes
/// it in.
/// </summary>
public sealed class PendingLogEntry
{
    private PendingLogEntry() { }

    public PendingLogEntry(LogEvent logged)
    {
        Kind = logged.Kind;
        PartnerId = logged.Partner;
        ArtifactId = logged.Artifact;
        Body = logged.Body;
    }

    /// <summary>Assigned by the store, in commit order.</summary>
    public long Id { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? PartnerId { get; private set; }
    public Guid? ArtifactId { get; private set; }
    public byte[] Body { get; private set; } = [];

    public LogEvent ToEvent() => new(Kind, PartnerId, ArtifactId, Body);
}
