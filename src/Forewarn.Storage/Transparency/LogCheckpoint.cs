namespace Forewarn.Storage.Transparency;

/// <summary>
/// A signed tree head as published: the tree size, its root hash, when it was signed and the
/// whole signed note (C2SP tlog-checkpoint). Every checkpoint is kept.
/// </summary>
public sealed class LogCheckpoint
{
    private LogCheckpoint() { }

    public LogCheckpoint(long size, byte[] root, DateTimeOffset signedAt, string note)
    {
        Size = size;
        Root = root;
        SignedAt = signedAt;
        Note = note;
    }

    public long Size { get; private set; }
    public byte[] Root { get; private set; } = [];
    public DateTimeOffset SignedAt { get; private set; }
    public string Note { get; private set; } = "";
}
