using System.Text;

namespace Forewarn.Tracing.Code;

internal static class SourceEdits
{
    /// <summary>The source with the given sites at variant 1 (the sites' edits never overlap).</summary>
    public static string Apply(string source, IEnumerable<CandidateSite> flipped)
    {
        var edits = flipped.SelectMany(s => s.Edits).OrderBy(e => e.Start).ToList();
        var sb = new StringBuilder(source.Length + 64);
        var at = 0;
        foreach (var e in edits)
        {
            sb.Append(source, at, e.Start - at).Append(e.Text1);
            at = e.End;
        }
        return sb.Append(source, at, source.Length - at).ToString();
    }

    public static int LineOf(string source, int position) =>
        1 + source.AsSpan(0, Math.Min(position, source.Length)).Count('\n');
}
