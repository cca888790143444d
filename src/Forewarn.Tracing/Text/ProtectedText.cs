using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// The parts of a text no mark may touch, because changing a character there changes what it
/// says to a machine or to an analyst: code spans and blocks, URLs, e-mail addresses, advisory
/// and weakness ids (CVE-…, GHSA-…, CWE-…), versions and IP addresses, hashes, file paths,
/// command-line options, identifiers (snake_case, camelCase, dotted names, words with digits) and
/// quoted strings.
/// </summary>
internal sealed partial class ProtectedText
{
    private readonly bool[] mask;

    public ProtectedText(string text)
    {
        mask = new bool[text.Length];
        foreach (var pattern in Patterns())
        {
            foreach (Match match in pattern.Matches(text))
            {
                for (var i = match.Index; i < match.Index + match.Length; i++) mask[i] = true;
            }
        }
    }

    /// <summary>Whether [start, start + length), or the character either side of it, is protected.</summary>
    public bool Touches(int start, int length)
    {
        var from = Math.Max(0, start - 1);
        var to = Math.Min(mask.Length, start + length + 1);
        for (var i = from; i < to; i++)
        {
            if (mask[i]) return true;
        }
        return false;
    }

    private static IEnumerable<Regex> Patterns() =>
    [
        CodeBlock(), CodeSpan(), Url(), Email(), AdvisoryId(), Version(), Hash(), PathLike(), Option(),
        Identifier(), DottedName(), CamelCase(), LettersAndDigits(), Quoted(),
    ];

    [GeneratedRegex(@"```[\s\S]*?(?:```|$)")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]*://\S+|\bwww\.\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:CVE|GHSA|CWE|CAPEC|RHSA|USN|DSA|KB|MS|ZDI)-[\w-]+", RegexOptions.IgnoreCase)]
    private static partial Regex AdvisoryId();

    [GeneratedRegex(@"\b[vV]?\d+(?:\.(?:\d+|x|\*))+[\w.+~-]*")]
    private static partial Regex Version();

    [GeneratedRegex(@"\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{7,}\b")]
    private static partial Regex Hash();

    [GeneratedRegex(@"\S*[/\\]\S*")]
    private static partial Regex PathLike();

    [GeneratedRegex(@"(?<![\w-])--?[A-Za-z][\w-]*")]
    private static partial Regex Option();

    [GeneratedRegex(@"\S*(?:_|::|->|\(\)|=|<|>|\$|%|#|\{|\}|\[|\]|\|)\S*")]
    private static partial Regex Identifier();

    // "e.g." and "i.e." are prose; "os.path", "index.html" and "a.b.c" are names.
    [GeneratedRegex(@"\b(?:\w{2,}\.\w+|\w\.\w{2,})(?:\.\w+)*")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"\b[A-Za-z]*[a-z][A-Z]\w*")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b\w*(?:[A-Za-z]\d|\d[A-Za-z])\w*")]
    private static partial Regex LettersAndDigits();

    [GeneratedRegex(@"[""“][^""“”\n]{1,80}[""”]")]
    private static partial Regex Quoted();
}
