namespace Forewarn.Server.Transparency;

/// <summary>
/// An entry made durable: its index, the entry itself, its leaf hash, and the checkpoint of the
/// batch it was committed in with the inclusion proof against that checkpoint — a receipt the
/// caller can hand out without asking the store again.
/// </summary>
public sealed record LoggedEntry(long Index, byte[] Body, byte[] LeafHash, long TreeSize, string Checkpoint, IReadOnlyList<byte[]> Proof);
