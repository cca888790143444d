namespace Forewarn.Tracing.Code;

/// <summary>
/// Templates in code (<see cref="MarkTemplates"/>, the syntax shared with prose): <c>{{fw:A|B}}</c>
/// is one site whose variants are the texts A and B (A is variant 0). Code keeps binary templates.
/// </summary>
internal static class Templates
{
    public static (string Base, List<CandidateSite> Sites) Parse(string source)
    {
        var (text, templates) = MarkTemplates.Parse(source, MarkTemplates.Binary, Bad);
        var sites = templates
            .Select(t => new CandidateSite(SiteKinds.Template, [new SiteEdit(t.Start, t.Variants[0].Length, t.Variants[1])], t.Variants[0], t.Variants[1], IsTemplate: true))
            .ToList();
        return (text, sites);
    }

    private static CodeMarkException Bad(int line, string why) =>
        new("bad-template", $"The mark template at line {line} is malformed: {why}. Write {{{{fw:variant0|variant1}}}}.");
}
