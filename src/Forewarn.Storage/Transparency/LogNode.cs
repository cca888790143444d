using Forewarn.Transparency.Tree;

namespace Forewarn.Storage.Transparency;

/// <summary>A stored complete subtree (see <see cref="MerkleNode"/>): level 0 holds the leaf hashes.</summary>
public sealed class LogNode
{
    private LogNode() { }

    public LogNode(MerkleNode node)
    {
        Level = node.Level;
        Index = node.Index;
        Hash = node.Hash;
    }

    public int Level { get; private set; }
    public long Index { get; private set; }
    public byte[] Hash { get; private set; } = [];
}
