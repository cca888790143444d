namespace Forewarn.Tracing.Code;

/// <summary>
/// How an author's template is read at version 2: by its value in the shape of a copy
/// (<see cref="ShapeView"/>) — a string by the letters and digits of its content, a number by its
/// value, code by its tokens — so quote style, escapes, layout and comments may change. Each
/// variant's tokens are looked for alone, then with one to three tokens of the original around
/// them, until a reader reads every variant right in copies with every other site at 0 and at 1
/// and the other templates at every variant (whole, and never wrong line by line).
/// </summary>
internal sealed class TemplateReaders
{
    private static readonly (int Left, int Right)[] Widths = [(0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (0, 2), (2, 2), (3, 0), (0, 3), (3, 3)];

    private readonly string text;
    private readonly CodeLanguage language;
    private readonly TokenNormaliser normaliser;
    private readonly List<List<CandidateSite>> groups;
    private readonly List<CandidateSite> others;
    private readonly Lazy<List<(TokenView Whole, TokenView Lines, int[] Expected)>> checks;

    public TemplateReaders(string text, IReadOnlyList<CandidateSite> all, CodeLanguage language, TokenNormaliser normaliser)
    {
        this.text = text;
        this.language = language;
        this.normaliser = normaliser;
        groups = [.. all.Where(s => s.IsTemplate && s.Choice is not null).GroupBy(s => s.Choice!).Select(g => g.OrderBy(s => s.Bit).ToList())];
        others = [.. all.Where(s => !(s.IsTemplate && s.Choice is not null))];
        checks = new(Checks);
    }

    /// <summary>The readers of one template's sites (in bit order), or null when no reader reads every variant right.</summary>
    public IReadOnlyList<ShapeReader>? ReadersOf(IReadOnlyList<CandidateSite> positions)
    {
        var j = groups.FindIndex(g => ReferenceEquals(g[0].Choice, positions[0].Choice));
        var variants = positions[0].Choice!.Names.Count;
        var copies = Enumerable.Range(0, variants).Select(v => (View(Apply(j, v), lines: false), Start: positions[0].Start, Length: positions[0].Choice!.Names[v].Length)).ToList();
        foreach (var (left, right) in Widths)
        {
            var keys = new List<TemplateKeys>();
            foreach (var (view, start, length) in copies)
            {
                var (first, count) = view.Overlapping(start, start + length);
                if (count == 0 || first < left || first + count + right > view.Norm.Length) break;
                keys.Add(new TemplateKeys(view.Norm[(first - left)..first], view.Norm[first..(first + count)], view.Norm[(first + count)..(first + count + right)]));
            }
            if (keys.Count < variants) continue;
            var value = new TemplateValue(keys);
            if (checks.Value.All(c => value.Index(c.Whole) == c.Expected[j] && (value.Index(c.Lines) ?? c.Expected[j]) == c.Expected[j]))
                return [.. positions.Select(p => new TemplateBitReader(value, p.Bit))];
        }
        return null;
    }

    private string Apply(int group, int index) => SourceEdits.Apply(text, Templates.At(groups[group], index));

    private TokenView View(string source, bool lines) =>
        ShapeView.Of(lines ? CodeMarks.TokenizeLines(source, language) : CodeMarks.Tokenize(source, language), normaliser);

    /// <summary>
    /// Copies with every other site at 0 and at 1, and template j at variant (v + shift·j) modulo its
    /// count, for every v and two shifts (so templates meet one another's variants in more than one pairing).
    /// </summary>
    private List<(TokenView Whole, TokenView Lines, int[] Expected)> Checks()
    {
        var result = new List<(TokenView, TokenView, int[])>();
        var most = groups.Max(g => g[0].Choice!.Names.Count);
        foreach (var on in new[] { false, true })
            foreach (var shift in new[] { 0, 1 })
                for (var v = 0; v < most; v++)
                {
                    var expected = groups.Select((g, j) => (v + shift * j) % g[0].Choice!.Names.Count).ToArray();
                    var flipped = (on ? others : []).Concat(groups.SelectMany((g, j) => Templates.At(g, expected[j])));
                    var copy = SourceEdits.Apply(text, flipped);
                    result.Add((View(copy, lines: false), View(copy, lines: true), expected));
                }
        return result;
    }
}

/// <summary>A template variant's shape keys, and the keys of the original on either side that must surround it.</summary>
internal sealed record TemplateKeys(string[] Left, string[] Run, string[] Right);

/// <summary>Which variant of a template a copy shows: exactly one variant found (any number of times), else none.</summary>
internal sealed class TemplateValue(IReadOnlyList<TemplateKeys> variants)
{
    public int? Index(TokenView shape)
    {
        int? seen = null;
        for (var v = 0; v < variants.Count; v++)
        {
            if (!Occurs(shape, variants[v])) continue;
            if (seen is not null) return null;
            seen = v;
        }
        return seen;
    }

    private static bool Occurs(TokenView shape, TemplateKeys k)
    {
        if (!shape.ByRaw.TryGetValue(k.Run[0], out var starts)) return false;
        foreach (var p in starts)
        {
            if (p < k.Left.Length || p + k.Run.Length + k.Right.Length > shape.Norm.Length) continue;
            if (Matches(shape, p - k.Left.Length, k.Left) && Matches(shape, p, k.Run) && Matches(shape, p + k.Run.Length, k.Right)) return true;
        }
        return false;
    }

    private static bool Matches(TokenView shape, int at, string[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
            if (shape.Norm[at + i] != keys[i]) return false;
        return true;
    }
}

/// <summary>One site of a template: its bit of the variant's number.</summary>
internal sealed class TemplateBitReader(TemplateValue value, int bit) : ShapeReader
{
    public override byte? Read(TokenView shape) => value.Index(shape) is { } index ? (byte)(index >> bit & 1) : null;
}
