using Forewarn.Transparency.Entries;

namespace Forewarn.Storage.Transparency;

/// <summary>
/// A stored log entry: its position in the log, its kind and subject (for lookups), and the
/// canonical JSON whose leaf hash the tree commits to. Only the body is covered by the tree; the
/// other columns are an index into it.
/// </summary>
public sealed class LogEntry
{
    private LogEntry() { }

    public LogEntry(long index, LogEvent logged)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Index = index;
        Kind = logged.Kind;
        PartnerId = logged.Partner;
        ArtifactId = logged.Artifact;
        Body = logged.Body;
    }

    public long Index { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? PartnerId { get; private set; }
    public Guid? ArtifactId { get; private set; }
    public byte[] Body { get; private set; } = [];
}
