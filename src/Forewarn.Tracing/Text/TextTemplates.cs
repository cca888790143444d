namespace Forewarn.Tracing.Text;

/// <summary>
/// The author's templates in prose (version 2; the syntax is <see cref="MarkTemplates"/>'):
/// <c>{{fw:A|B}}</c> is one mark, <c>{{fw:A|B|C|D}}</c> two and eight variants three — equivalent
/// non-essential details such as an example host name or a sample value. A template is read like
/// any site, by the variant found between the words around it; no copy carries the markers.
/// </summary>
internal static class TextTemplates
{
    public const string Kind = "template";

    public static (string Text, List<MarkTemplate> Templates) Parse(string source) =>
        MarkTemplates.Parse(source, MarkTemplates.Qary, (line, why) => new TextMarkException("bad-template",
            $"The mark template at line {line} is malformed: {why}. Write {{{{fw:variant0|variant1}}}}, or 4 or 8 variants."));

    /// <summary>
    /// The template's site: variant 0 stands in the text. Each template is its own class, so a
    /// normaliser is never taken to have made templates uniform.
    /// </summary>
    public static SiteCandidate Site(MarkTemplate t) =>
        new(t.Start, t.Variants[0].Length, Kind, t.Variants[0], t.Variants[1], 0)
        {
            Variants = t.Variants,
            Authored = true,
            Class = $"{Kind}:{t.Start}",
            Form0 = t.Variants[0],
            Form1 = t.Variants[1],
        };
}
