using System.Text.RegularExpressions;

namespace Forewarn.Stix.Patterns;

/// <summary>A detection rule in a language STIX names as a pattern type (yara, sigma, snort, suricata).</summary>
internal sealed record SignatureRule(string PatternType, string Name, string Pattern);

/// <summary>
/// Recognises detection rules simply: a YARA text has a line <c>rule Name {</c>, a Sigma rule a
/// <c>title:</c> and a <c>detection:</c> key, a Snort or Suricata rule starts a line with an action
/// and a protocol (<c>alert tcp …</c>). YARA and Sigma texts are taken whole; Snort/Suricata rules are
/// cut out of the text around them, and the remaining lines are returned for observable scanning.
/// </summary>
internal static partial class SignatureRules
{
    [GeneratedRegex(@"^\s*(?:(?:private|global)\s+)*rule\s+(?<name>[A-Za-z_]\w{0,127})\b[^{\n]*\{", RegexOptions.Multiline)]
    private static partial Regex YaraRule();

    [GeneratedRegex(@"^title:[ \t]*(?<title>\S.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex SigmaTitle();

    [GeneratedRegex(@"^detection:[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex SigmaDetection();

    [GeneratedRegex(@"^\s*(?:alert|drop|reject|pass|log)\s+(?<proto>[a-z0-9-]+)\s+\S+\s+\S+\s+(?:->|<>)\s+\S+\s+\S+\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkRuleStart();

    [GeneratedRegex(@"msg\s*:\s*""(?<msg>[^""]{1,300})""")]
    private static partial Regex Message();

    private static readonly HashSet<string> SnortProtocols = new(StringComparer.OrdinalIgnoreCase) { "tcp", "udp", "icmp", "ip" };

    /// <summary>The rules in <paramref name="text"/> and the lines that are not part of any rule.</summary>
    public static (IReadOnlyList<SignatureRule> Rules, string Remainder) Find(string text)
    {
        if (SigmaTitle().Match(text) is { Success: true } title && SigmaDetection().IsMatch(text))
            return ([new SignatureRule("sigma", title.Groups["title"].Value, text.Trim())], "");
        var yara = YaraRule().Matches(text);
        if (yara.Count > 0)
            return ([new SignatureRule("yara", "YARA " + string.Join(", ", yara.Select(m => m.Groups["name"].Value).Take(5)), text.Trim())], "");
        return NetworkRules(text);
    }

    private static (IReadOnlyList<SignatureRule>, string) NetworkRules(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var suricataNamed = text.Contains("suricata", StringComparison.OrdinalIgnoreCase);
        var rules = new List<SignatureRule>();
        var rest = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var start = NetworkRuleStart().Match(lines[i]);
            if (!start.Success)
            {
                rest.Add(lines[i]);
                continue;
            }
            // A rule may be wrapped over lines; it ends with the line that closes its option list.
            var parts = new List<string> { lines[i].Trim() };
            while (!parts[^1].EndsWith(')') && i + 1 < lines.Length && parts.Count < 50)
                parts.Add(lines[++i].Trim());
            var rule = string.Join(" ", parts);
            var suricata = suricataNamed || !SnortProtocols.Contains(start.Groups["proto"].Value);
            var name = Message().Match(rule) is { Success: true } m ? m.Groups["msg"].Value : (suricata ? "Suricata rule" : "Snort rule");
            rules.Add(new SignatureRule(suricata ? "suricata" : "snort", name, rule));
        }
        return (rules, string.Join("\n", rest));
    }
}
