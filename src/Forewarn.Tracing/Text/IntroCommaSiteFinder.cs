using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// Version 2: the optional comma after a short introductory phrase at the start of a sentence —
/// "In most deployments, the service …" / "In most deployments the service …". Style guides leave
/// it to the writer after a phrase of up to four words; a comma is a token, so it survives
/// re-wrapping, quotes and invisible characters, and a leaker who normalises words does not touch
/// it. Only where the original has the comma (its place is then known) and the phrase is a
/// preposition and one to three words, followed by a determiner or pronoun (so that dropping the
/// comma cannot join the phrase to the clause: "After patching, rotate …" is left alone).
/// </summary>
internal sealed partial class IntroCommaSiteFinder : ISiteFinder
{
    public const string Kind = "intro-comma";

    public IEnumerable<SiteCandidate> Find(string text, ProtectedText protect)
    {
        foreach (Match match in Intro().Matches(text))
        {
            var comma = match.Groups["comma"];
            if (protect.Touches(match.Index, match.Length)) continue;
            yield return new SiteCandidate(comma.Index, comma.Length, Kind, ",", "", 0)
            {
                Class = Kind,
                Form0 = "comma",
                Form1 = "no-comma",
            };
        }
    }

    [GeneratedRegex(@"(?<=(?:^|\n|[.!?] )[ \t]*)(?:In|On|At|During|Since|Until|Within|Under|Across|Unlike|By|From|Through|Over|Throughout|Without|Beyond)(?: (?!(?:and|or|but|that|which|who|we|you|they|it)\b)[a-z][\w'’-]*){1,3}(?<comma>,)(?= (?:the|a|an|this|these|those|it|we|they|our|their|its|some|most|many|no|each|every|attackers|administrators|partners|defenders|exploitation)\b)")]
    private static partial Regex Intro();
}
