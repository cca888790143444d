using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// Version 2: the order of the items of a markdown-style unordered list ("- " or "* " lines with
/// the same indent and marker, one line each). Items 1 and 2 swap (one mark), 3 and 4, and so on;
/// the sites inside an item move with it. Never a numbered list, a list with an item that runs
/// over several lines, or one whose items use sequencing or referring words ("then", "first",
/// "above", "the previous", a number …): there the order says something.
/// </summary>
internal sealed partial class BulletOrderSiteFinder : ISiteFinder
{
    public const string Kind = "bullet-order";

    public IEnumerable<SiteCandidate> Find(string text, ProtectedText protect)
    {
        foreach (var block in Blocks(text))
        {
            if (block.Count < 2 || block.Any(item => OrderWords.ItemOrdered(item.Value))) continue;
            for (var k = 0; k + 1 < block.Count; k += 2)
            {
                var (a, b) = (block[k], block[k + 1]);
                yield return new SiteCandidate(a.Index, b.Index + b.Length - a.Index, Kind,
                    text[a.Index..(b.Index + b.Length)], b.Value + text[(a.Index + a.Length)..b.Index] + a.Value, 0)
                {
                    Swap = (a.Index + a.Length, b.Index),
                    Class = $"{Kind}:{a.Index}",
                    Form0 = "as-written",
                    Form1 = "swapped",
                };
            }
        }
    }

    /// <summary>Runs of consecutive bullet lines with the same indent and marker; a block followed by an indented continuation line is left out.</summary>
    private static IEnumerable<List<Group>> Blocks(string text)
    {
        var block = new List<Group>();
        string? style = null;
        foreach (Match line in Line().Matches(text))
        {
            var bullet = Bullet().Match(line.Value);
            var lineStyle = bullet.Success ? bullet.Groups["indent"].Value + bullet.Groups["marker"].Value : null;
            if (lineStyle is not null && lineStyle == style)
            {
                block.Add(Shift(bullet.Groups["item"], line.Index));
                continue;
            }
            var continuation = lineStyle is null && block.Count > 0 && line.Value.Length > 0 && char.IsWhiteSpace(line.Value[0]) && line.Value.Trim().Length > 0;
            if (block.Count > 0 && !continuation) yield return block;
            block = [];
            style = lineStyle;
            if (bullet.Success) block.Add(Shift(bullet.Groups["item"], line.Index));
        }
        if (block.Count > 0) yield return block;
    }

    private sealed record Group(int Index, int Length, string Value);

    private static Group Shift(System.Text.RegularExpressions.Group g, int offset) => new(g.Index + offset, g.Length, g.Value);

    [GeneratedRegex(@"(?m)^[^\n]*")]
    private static partial Regex Line();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<marker>[-*]) +(?<item>\S(?:.*\S)?)\s*$")]
    private static partial Regex Bullet();
}
