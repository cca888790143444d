namespace Forewarn.Tracing.Text;

/// <summary>
/// Version 2: "e.g." and "for example" before an example may take a comma or not — four
/// equivalent forms, two marks: bit 0 the comma ("e.g. blocking" / "e.g., blocking", class
/// "example-comma"), bit 1 the words ("e.g." / "for example", the abbreviation's class). Only in
/// lower case, and only where the example follows on the same line (a letter, digit or backtick
/// after one space), so that the comma can never end up before a full stop or a bracket.
/// </summary>
internal static class ExampleComma
{
    public const string Class = "example-comma";

    public static SiteCandidate Apply(string text, SiteCandidate site)
    {
        if (site.Kind != PhrasePairs.Abbreviation || site.Variant0 != "e.g." || site.Variant1 != "for example") return site;
        var end = site.End;
        var comma = end < text.Length && text[end] == ',';
        var after = comma ? end + 1 : end;
        if (after + 1 >= text.Length || text[after] != ' ' || !(char.IsLetterOrDigit(text[after + 1]) || text[after + 1] == '`')) return site;
        string[] variants = ["e.g.", "e.g.,", "for example", "for example,"];
        var original = (byte)((site.Original == 1 ? 2 : 0) + (comma ? 1 : 0));
        return new SiteCandidate(site.Start, site.Length + (comma ? 1 : 0), site.Kind, variants[0], variants[1], original)
        {
            Variants = variants,
            PositionForms = [(Class, "no-comma", "comma"), ($"{PhrasePairs.Abbreviation}:e.g.|for example", "e.g.", "for example")],
        };
    }
}
