using System.Globalization;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency;

/// <summary>
/// A C2SP tlog-checkpoint: the body of a signed note naming the log (origin), the tree size and
/// the root hash in base64, one per line, and optional extension lines.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root, IReadOnlyList<string> Extensions)
{
    public Checkpoint(string origin, long size, byte[] root) : this(origin, size, root, []) { }

    public string ToText()
    {
        var text = $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root)}\n";
        return Extensions.Aggregate(text, (t, e) => t + e + "\n");
    }

    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n')) throw new FormatException("A checkpoint ends with a newline.");
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines[0].Length == 0) throw new FormatException("A checkpoint holds an origin, a tree size and a root hash.");
        if (lines[1].Length == 0 || lines[1].Any(c => c is < '0' or > '9') || (lines[1].Length > 1 && lines[1][0] == '0')
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw new FormatException("A checkpoint's tree size is a decimal number without leading zeros.");
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("A checkpoint's root hash is base64.");
        }
        if (root.Length != MerkleHash.Size) throw new FormatException("A checkpoint's root hash is 32 bytes.");
        if (lines.Skip(3).Any(l => l.Length == 0)) throw new FormatException("A checkpoint's extension lines are not empty.");
        return new Checkpoint(lines[0], size, root, [.. lines.Skip(3)]);
    }
}
