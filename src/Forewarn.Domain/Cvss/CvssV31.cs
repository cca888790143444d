using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cvss;

/// <summary>
/// A parsed, validated CVSS v3.1 (or v3.0) vector with its base score computed as FIRST's
/// specification (section 7 and Appendix A, including the Roundup function) says.
/// </summary>
public sealed record CvssV31(string Vector, string Version, double BaseScore, string Severity)
{
    private static readonly string[] BaseOrder = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["AV"] = ["N", "A", "L", "P"], ["AC"] = ["L", "H"], ["PR"] = ["N", "L", "H"], ["UI"] = ["N", "R"],
        ["S"] = ["U", "C"], ["C"] = ["H", "L", "N"], ["I"] = ["H", "L", "N"], ["A"] = ["H", "L", "N"],
        ["E"] = ["X", "H", "F", "P", "U"], ["RL"] = ["X", "U", "W", "T", "O"], ["RC"] = ["X", "C", "R", "U"],
        ["CR"] = ["X", "H", "M", "L"], ["IR"] = ["X", "H", "M", "L"], ["AR"] = ["X", "H", "M", "L"],
        ["MAV"] = ["X", "N", "A", "L", "P"], ["MAC"] = ["X", "L", "H"], ["MPR"] = ["X", "N", "L", "H"],
        ["MUI"] = ["X", "N", "R"], ["MS"] = ["X", "U", "C"], ["MC"] = ["X", "H", "L", "N"],
        ["MI"] = ["X", "H", "L", "N"], ["MA"] = ["X", "H", "L", "N"],
    };

    public static bool TryParse(string? vector, out CvssV31? cvss, out string error)
    {
        try
        {
            cvss = Parse(vector);
            error = "";
            return true;
        }
        catch (DomainException e)
        {
            cvss = null;
            error = e.Message;
            return false;
        }
    }

    public static CvssV31 Parse(string? vector)
    {
        var text = vector?.Trim() ?? "";
        string version;
        if (text.StartsWith("CVSS:3.1/", StringComparison.Ordinal)) version = "3.1";
        else if (text.StartsWith("CVSS:3.0/", StringComparison.Ordinal)) version = "3.0";
        else throw Invalid(vector, "it must start with 'CVSS:3.1/'");

        var metrics = new Dictionary<string, string>();
        foreach (var part in text[9..].Split('/'))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || kv[0].Length == 0 || kv[1].Length == 0)
                throw Invalid(vector, $"'{part}' is not of the form METRIC:VALUE");
            if (!Allowed.TryGetValue(kv[0], out var values))
                throw Invalid(vector, $"'{kv[0]}' is not a CVSS v3.1 metric");
            if (!values.Contains(kv[1]))
                throw Invalid(vector, $"'{kv[1]}' is not a value of {kv[0]} (allowed: {string.Join(", ", values)})");
            if (!metrics.TryAdd(kv[0], kv[1]))
                throw Invalid(vector, $"{kv[0]} appears more than once");
        }
        var missing = BaseOrder.Where(m => !metrics.ContainsKey(m)).ToList();
        if (missing.Count > 0)
            throw Invalid(vector, $"the base metric(s) {string.Join(", ", missing)} are missing");

        var score = BaseScoreOf(metrics);
        return new CvssV31(text, version, score, CvssSeverity.Of(score));
    }

    private static double BaseScoreOf(Dictionary<string, string> m)
    {
        var changed = m["S"] == "C";
        var av = m["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2 };
        var ac = m["AC"] == "L" ? 0.77 : 0.44;
        var pr = m["PR"] switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, _ => changed ? 0.5 : 0.27 };
        var ui = m["UI"] == "N" ? 0.85 : 0.62;
        static double Cia(string v) => v switch { "H" => 0.56, "L" => 0.22, _ => 0 };
        var iss = 1 - ((1 - Cia(m["C"])) * (1 - Cia(m["I"])) * (1 - Cia(m["A"])));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) return 0;
        return changed
            ? Roundup(Math.Min(1.08 * (impact + exploitability), 10))
            : Roundup(Math.Min(impact + exploitability, 10));
    }

    /// <summary>The specification's Roundup (Appendix A): smallest one-decimal number ≥ input, free of float noise.</summary>
    public static double Roundup(double input)
    {
        var intInput = (long)Math.Round(input * 100000);
        return intInput % 10000 == 0 ? intInput / 100000.0 : (Math.Floor(intInput / 10000.0) + 1) / 10.0;
    }

    public override string ToString() => $"{BaseScore.ToString("0.0", CultureInfo.InvariantCulture)} {Severity} ({Vector})";

    private static DomainException Invalid(string? vector, string why) =>
        new("invalid-cvss-vector", $"'{vector}' is not a valid CVSS v3.1 vector: {why}.");
}
