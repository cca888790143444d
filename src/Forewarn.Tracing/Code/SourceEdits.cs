using System.Text;

namespace Forewarn.Tracing.Code;

internal static class SourceEdits
{
    /// <summary>The source with the given sites at variant 1 (the sites' edits never overlap).</summary>
    public static string Apply(string source, IEnumerable<CandidateSite> flipped)
    {
        var sites = flipped as IReadOnlyCollection<CandidateSite> ?? [.. flipped];
        // A q-ary rename takes the name its flipped bits index (both bits' sites name the same places).
        var chosen = sites.Where(s => s.Choice is not null).GroupBy(s => s.Choice!)
            .SelectMany(g => g.Key.EditsFor(g.Select(s => 1 << s.Bit).Distinct().Sum()));
        var edits = sites.Where(s => s.Choice is null).SelectMany(s => s.Edits).Concat(chosen).OrderBy(e => e.Start).ToList();
        var swaps = sites.Where(s => s.Swap is not null).Select(s => s.Swap!).OrderBy(s => s.AStart).ThenByDescending(s => s.BEnd).ToList();
        if (swaps.Count > 0)
        {
            var built = new StringBuilder(source.Length + 64);
            Emit(built, source, 0, source.Length, edits, swaps);
            return built.ToString();
        }
        var sb = new StringBuilder(source.Length + 64);
        var at = 0;
        foreach (var e in edits)
        {
            sb.Append(source, at, e.Start - at).Append(e.Text1);
            at = e.End;
        }
        return sb.Append(source, at, source.Length - at).ToString();
    }

    /// <summary>
    /// [lo, hi) of the source with the edits inside it applied and the swaps inside it exchanged;
    /// a swapped piece is emitted the same way, so swaps and edits nest.
    /// </summary>
    private static void Emit(StringBuilder sb, string source, int lo, int hi, List<SiteEdit> edits, List<SwapRegion> swaps)
    {
        var at = lo;
        foreach (var s in swaps)
        {
            if (s.AStart < at || s.BEnd > hi) continue;
            Plain(sb, source, at, s.AStart, edits);
            var inner = swaps.Where(o => o != s).ToList();
            Emit(sb, source, s.BStart, s.BEnd, edits, inner);
            Emit(sb, source, s.AEnd, s.BStart, edits, inner);
            Emit(sb, source, s.AStart, s.AEnd, edits, inner);
            at = s.BEnd;
        }
        Plain(sb, source, at, hi, edits);
    }

    private static void Plain(StringBuilder sb, string source, int lo, int hi, List<SiteEdit> edits)
    {
        var at = lo;
        foreach (var e in edits)
        {
            if (e.Start < lo || e.End > hi || e.Start < at) continue;
            sb.Append(source, at, e.Start - at).Append(e.Text1);
            at = e.End;
        }
        sb.Append(source, at, hi - at);
    }

    public static int LineOf(string source, int position) =>
        1 + source.AsSpan(0, Math.Min(position, source.Length)).Count('\n');
}
