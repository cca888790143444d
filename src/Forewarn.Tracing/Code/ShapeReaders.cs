namespace Forewarn.Tracing.Code;

/// <summary>How a version-2 site is read from the shape of a copy (<see cref="ShapeView"/>).</summary>
internal abstract class ShapeReader
{
    /// <summary>The variant found, or null when absent or ambiguous.</summary>
    public abstract byte? Read(TokenView shape);

    /// <summary>Where a run of keys occurs in the view.</summary>
    protected static int Count(TokenView view, string[] run)
    {
        if (run.Length == 0 || !view.ByRaw.TryGetValue(run[0], out var starts)) return 0;
        var n = 0;
        foreach (var p in starts)
        {
            if (p + run.Length > view.Norm.Length) continue;
            var same = true;
            for (var k = 1; k < run.Length && same; k++) same = view.Norm[p + k] == run[k];
            if (same) n++;
        }
        return n;
    }
}

/// <summary>
/// Two pieces that may come in either order, read by their seam: the end of the first piece
/// followed by the start of the second. Variant 0 shows A's end then B's start, variant 1 B's end
/// then A's start; a copy showing both (or neither) reads null. Moving lines about cannot show the
/// other seam without moving a whole piece, which is the swap itself.
/// </summary>
internal sealed class SeamReader(string[] seam0, string[] seam1) : ShapeReader
{
    public override byte? Read(TokenView shape)
    {
        int a = Count(shape, seam0), b = Count(shape, seam1);
        return a > 0 && b == 0 ? 0 : b > 0 && a == 0 ? 1 : null;
    }
}

/// <summary>
/// A renamed local read by its names: with signatures (a name other functions use too), an
/// occurrence counts only when its two neighbours on each side (in shape) are those of one of the
/// local's own occurrences; without (a name nothing else uses), any occurrence counts. Two
/// different names seen read null.
/// </summary>
internal sealed class SignatureReader(IReadOnlyList<string> names, IReadOnlySet<string>? signatures, int bit = 0) : ShapeReader
{
    public override byte? Read(TokenView shape)
    {
        int? seen = null;
        for (var v = 0; v < names.Count; v++)
        {
            foreach (var i in Occurrences(shape, names[v]))
            {
                if (signatures is not null && !signatures.Contains(Signature(shape, i))) continue;
                if (seen is { } other && other != v) return null;
                seen = v;
            }
        }
        // Two names: variant 0 or 1; four names (a q-ary rename): this site's bit of the index.
        return seen is { } index ? names.Count == 2 ? (byte)index : (byte)((index >> bit) & 1) : null;
    }

    public static IEnumerable<int> Occurrences(TokenView shape, string name)
    {
        for (var i = 0; i < shape.Tokens.Length; i++)
            if (shape.Tokens[i].Kind == TokenKind.Identifier && shape.Tokens[i].Raw == name) yield return i;
    }

    public static string Signature(TokenView shape, int i)
    {
        string At(int k) => k < 0 ? "^" : k >= shape.Norm.Length ? "$" : shape.Norm[k];
        return string.Join('\u0001', At(i - 2), At(i - 1), At(i + 1), At(i + 2));
    }
}
