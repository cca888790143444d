using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// The optional serial (Oxford) comma in a list of three or more short items:
/// "Windows, Linux and macOS" / "Windows, Linux, and macOS". Variant 0 is without the comma,
/// variant 1 with it; the site is the (possibly empty) place before "and"/"or". A list is only
/// recognised after a word that introduces one ("such as", "including", "on", "of", "affects", …)
/// or after "(" or ":", so that "When enabled, the server and client" is never taken for one.
/// </summary>
internal sealed partial class SerialCommaSiteFinder : ISiteFinder
{
    public IEnumerable<SiteCandidate> Find(string text, ProtectedText protect)
    {
        foreach (Match match in List().Matches(text))
        {
            var comma = match.Groups["comma"];
            if (protect.Touches(comma.Index, comma.Length)) continue;
            yield return new SiteCandidate(comma.Index, comma.Length, "serial comma", "", ",", comma.Length == 0 ? (byte)0 : (byte)1);
        }
    }

    private const string Item = @"(?!(?:and|or)\b)[A-Za-z][\w-]*(?: (?!(?:and|or)\b)[A-Za-z][\w-]*){0,2}";

    [GeneratedRegex(@"(?<=(?:[(:]|\b(?:as|including|include|includes|of|in|on|for|affects|affecting|affected|the|all|both|from|to|with|via|by|across|like|use|uses|using)) )(?:" + Item + @", )+" + Item + @"(?<comma>,?) (?:and|or) (?=[A-Za-z])")]
    private static partial Regex List();
}
