namespace Forewarn.Tracing.Code;

/// <summary>
/// Templates in code (<see cref="MarkTemplates"/>, the syntax shared with prose). Version 1:
/// <c>{{fw:A|B}}</c> only, one site whose variants are the texts A and B (A is variant 0), read by
/// the tokens around it. Version 2: 2, 4 or 8 variants — 2^k variants are k consecutive sites, the
/// k bits of one recipient's codeword choosing the variant (a <see cref="NameChoice"/> with one
/// place), read by the variant's value (<see cref="TemplateReaders"/>).
/// </summary>
internal static class Templates
{
    public static (string Base, List<CandidateSite> Sites) Parse(string source, int markerVersion)
    {
        if (markerVersion == MarkerVersion.First)
        {
            var (text, templates) = MarkTemplates.Parse(source, MarkTemplates.Binary, Bad);
            var sites = templates
                .Select(t => new CandidateSite(SiteKinds.Template, [new SiteEdit(t.Start, t.Variants[0].Length, t.Variants[1])], t.Variants[0], t.Variants[1], IsTemplate: true))
                .ToList();
            return (text, sites);
        }
        var (qaryText, qary) = MarkTemplates.Parse(source, MarkTemplates.Qary, BadQary);
        return (qaryText, [.. qary.SelectMany(Positions)]);
    }

    /// <summary>The k sites of a template of 2^k variants, bit b of the variant's number in site b.</summary>
    private static IEnumerable<CandidateSite> Positions(MarkTemplate t)
    {
        var choice = new NameChoice(t.Variants, [t.Start]);
        for (var bit = 0; bit < t.Positions; bit++)
            yield return new CandidateSite(SiteKinds.Template, [.. choice.EditsFor(1 << bit)], t.Variants[0], t.Variants[1 << bit], IsTemplate: true) { Choice = choice, Bit = bit };
    }

    /// <summary>
    /// Every variant of every template must give a copy that passes the check: copies with every
    /// template at its variant v (v modulo its count) for each v, and on a failure each template
    /// alone at v, to name its line.
    /// </summary>
    public static void CheckVariants(string text, IReadOnlyList<CandidateSite> templates, CopyCheck check)
    {
        var plain = templates.Where(t => t.Choice is null);
        foreach (var t in plain)
            if (check.Problem(SourceEdits.Apply(text, [t])) is { } problem)
                throw Breaks(text, t, problem);
        var groups = templates.Where(t => t.Choice is not null).GroupBy(t => t.Choice!).ToList();
        if (groups.Count == 0) return;
        var most = groups.Max(g => g.Key.Names.Count);
        for (var v = 1; v < most; v++)
        {
            if (check.Problem(SourceEdits.Apply(text, groups.SelectMany(g => At(g, v % g.Key.Names.Count)))) is null) continue;
            foreach (var g in groups)
            {
                if (v % g.Key.Names.Count == 0) continue;
                if (check.Problem(SourceEdits.Apply(text, At(g, v % g.Key.Names.Count))) is { } problem)
                    throw Breaks(text, g.First(), problem);
            }
        }
    }

    /// <summary>The sites of a template's group that are flipped for its variant <paramref name="index"/>.</summary>
    public static IEnumerable<CandidateSite> At(IEnumerable<CandidateSite> group, int index) => group.Where(s => (index >> s.Bit & 1) == 1);

    private static CodeMarkException Breaks(string text, CandidateSite t, string problem) =>
        new("template-breaks-copy", $"The mark template at line {SourceEdits.LineOf(text, t.Start)} gives a copy that fails its check, so the PoC is refused: {problem}");

    private static CodeMarkException Bad(int line, string why) =>
        new("bad-template", $"The mark template at line {line} is malformed: {why}. Write {{{{fw:variant0|variant1}}}}.");

    private static CodeMarkException BadQary(int line, string why) =>
        new("bad-template", $"The mark template at line {line} is malformed: {why}. Write {{{{fw:variant0|variant1}}}}, or 4 or 8 variants.");
}
