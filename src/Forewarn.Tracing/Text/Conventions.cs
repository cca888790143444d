namespace Forewarn.Tracing.Text;

/// <summary>
/// Version 2: a copy reads as written by one person, so a spelling convention is chosen once per
/// copy — every British/American spelling of a text is one codeword position ("spelling", forms
/// "british"/"american"), and so is "e-mail"/"email". A normaliser that makes a copy American
/// then changes one mark, and the copy never mixes "deserialisation" and "deserialization".
/// </summary>
internal static class Conventions
{
    public const string Spelling = "spelling";
    public const string Email = "e-mail";

    /// <summary>British forms that the first round counted as synonyms (variant 0 is British).</summary>
    private static readonly HashSet<string> BritishSynonyms = new(["towards", "amongst", "afterwards"], StringComparer.OrdinalIgnoreCase);

    public static SiteCandidate Apply(SiteCandidate site)
    {
        if (site.Kind == PhrasePairs.Spelling && site.Variant0.Equals("e-mail", StringComparison.OrdinalIgnoreCase))
            return site with { Group = Email, Class = Email, Form0 = "e-mail", Form1 = "email" };
        if (site.Kind == PhrasePairs.Spelling || (site.Kind == PhrasePairs.Synonym && BritishSynonyms.Contains(site.Variant0)))
            return site with { Kind = PhrasePairs.Spelling, Group = Spelling, Class = Spelling, Form0 = "british", Form1 = "american" };
        return site;
    }
}
