namespace Forewarn.Tracing.Code;

/// <summary>
/// How a (non-rename) site is read: its two variants as raw token runs, and up to
/// <see cref="Width"/> normalised tokens on each side of it in the original. A leaked copy shows
/// variant v where the run of v stands between surroundings that match closely enough; the site
/// reads null when neither or both variants are found.
/// </summary>
internal sealed record ContextSite(string[][] Variants, string[] Left, string[] Right, bool InComments)
{
    public const int Width = 5;

    /// <summary>Every place in the view where a variant stands in matching surroundings: (index, variant).</summary>
    public List<(int At, int Variant)> Find(TokenView view, bool relaxed)
    {
        var found = new List<(int, int)>();
        for (var v = 0; v < 2; v++)
        {
            var run = Variants[v];
            if (!view.ByRaw.TryGetValue(run[0], out var starts)) continue;
            foreach (var p in starts)
            {
                if (p + run.Length > view.Raw.Length) continue;
                var same = true;
                for (var k = 1; k < run.Length && same; k++) same = view.Raw[p + k] == run[k];
                if (!same) continue;
                if (Accepts(view, p, p + run.Length, relaxed)) found.Add((p, v));
            }
        }
        return found;
    }

    private bool Accepts(TokenView view, int start, int end, bool relaxed)
    {
        int l = Left.Length, r = Right.Length, ml = 0, mr = 0;
        for (var i = 1; i <= l; i++)
            if (start - i >= 0 && view.Norm[start - i] == Left[l - i]) ml++;
        for (var i = 0; i < r; i++)
            if (end + i < view.Norm.Length && view.Norm[end + i] == Right[i]) mr++;
        if (relaxed) return ml + mr >= l + r - 4 || ml >= Width - 1 || mr >= Width - 1;
        return (l + r >= 4 && ml >= 1 && mr >= 1 && ml + mr >= l + r - 2) || (l == Width && ml == l) || (r == Width && mr == r);
    }

    /// <summary>The variant read from a leaked copy, or null when absent or ambiguous.</summary>
    public byte? Read(TokenView view)
    {
        var found = Find(view, relaxed: false);
        if (found.Count == 0) return null;
        var v = found[0].Variant;
        return found.All(f => f.Variant == v) ? (byte)v : null;
    }
}
