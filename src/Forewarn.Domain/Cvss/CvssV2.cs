using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cvss;

/// <summary>
/// A parsed, validated CVSS v2 vector (e.g. <c>AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C</c>) with its
/// base, temporal and environmental scores computed by the equations of FIRST's "A Complete Guide to
/// the Common Vulnerability Scoring System Version 2.0", section 3.2. Temporal and environmental
/// metrics that are absent or <c>ND</c> count as "Not Defined".
/// </summary>
/// <param name="Vector">The vector string as given (trimmed).</param>
/// <param name="Metrics">Every metric the vector names, with its value (e.g. Au → N).</param>
/// <param name="BaseScore">The base score, 0.0 to 10.0.</param>
/// <param name="TemporalScore">The temporal score, 0.0 to 10.0.</param>
/// <param name="EnvironmentalScore">The environmental score, 0.0 to 10.0.</param>
public sealed record CvssV2(
    string Vector,
    IReadOnlyDictionary<string, string> Metrics,
    double BaseScore,
    double TemporalScore,
    double EnvironmentalScore)
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "Au", "C", "I", "A"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["AV"] = ["L", "A", "N"], ["AC"] = ["H", "M", "L"], ["Au"] = ["M", "S", "N"],
        ["C"] = ["N", "P", "C"], ["I"] = ["N", "P", "C"], ["A"] = ["N", "P", "C"],
        ["E"] = ["U", "POC", "F", "H", "ND"], ["RL"] = ["OF", "TF", "W", "U", "ND"], ["RC"] = ["UC", "UR", "C", "ND"],
        ["CDP"] = ["N", "L", "LM", "MH", "H", "ND"], ["TD"] = ["N", "L", "M", "H", "ND"],
        ["CR"] = ["L", "M", "H", "ND"], ["IR"] = ["L", "M", "H", "ND"], ["AR"] = ["L", "M", "H", "ND"],
    };

    /// <summary>Parses a v2 vector, or says why it cannot.</summary>
    public static bool TryParse(string? vector, out CvssV2? cvss, out string error)
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

    /// <summary>Parses and scores a v2 vector.</summary>
    /// <exception cref="DomainException">The vector is not a valid CVSS v2 vector.</exception>
    public static CvssV2 Parse(string? vector)
    {
        var text = vector?.Trim() ?? "";
        if (text.Length == 0)
            throw Invalid(vector, "it is empty");

        var metrics = new Dictionary<string, string>();
        foreach (var part in text.Split('/'))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || kv[0].Length == 0 || kv[1].Length == 0)
                throw Invalid(vector, $"'{part}' is not of the form METRIC:VALUE");
            if (!Allowed.TryGetValue(kv[0], out var values))
                throw Invalid(vector, $"'{kv[0]}' is not a CVSS v2 metric");
            if (!values.Contains(kv[1]))
                throw Invalid(vector, $"'{kv[1]}' is not a value of {kv[0]} (allowed: {string.Join(", ", values)})");
            if (!metrics.TryAdd(kv[0], kv[1]))
                throw Invalid(vector, $"{kv[0]} appears more than once");
        }
        var missing = BaseMetrics.Where(m => !metrics.ContainsKey(m)).ToList();
        if (missing.Count > 0)
            throw Invalid(vector, $"the base metric(s) {string.Join(", ", missing)} are missing");

        var impact = ImpactOf(metrics, 1, 1, 1);
        var baseScore = BaseScoreOf(metrics, impact);
        var temporal = Round1(baseScore * TemporalFactor(metrics));

        var adjustedImpact = Math.Min(10, ImpactOf(metrics,
            Requirement(metrics, "CR"), Requirement(metrics, "IR"), Requirement(metrics, "AR")));
        var adjustedTemporal = Round1(BaseScoreOf(metrics, adjustedImpact) * TemporalFactor(metrics));
        var cdp = metrics.GetValueOrDefault("CDP", "ND") switch
        {
            "L" => 0.1, "LM" => 0.3, "MH" => 0.4, "H" => 0.5, _ => 0.0,
        };
        var td = metrics.GetValueOrDefault("TD", "ND") switch { "N" => 0.0, "L" => 0.25, "M" => 0.75, _ => 1.0 };
        var environmental = Round1((adjustedTemporal + ((10 - adjustedTemporal) * cdp)) * td);

        return new CvssV2(text, metrics, baseScore, temporal, environmental);
    }

    /// <summary>The guide's round_to_1_decimal: half away from zero, to one decimal.</summary>
    public static double Round1(double value) => Math.Round(value * 10, MidpointRounding.AwayFromZero) / 10;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{BaseScore:0.0}/{TemporalScore:0.0}/{EnvironmentalScore:0.0} ({Vector})");

    private static double ImpactOf(Dictionary<string, string> m, double cr, double ir, double ar) =>
        10.41 * (1 - ((1 - (Cia(m["C"]) * cr)) * (1 - (Cia(m["I"]) * ir)) * (1 - (Cia(m["A"]) * ar))));

    private static double BaseScoreOf(Dictionary<string, string> m, double impact)
    {
        var accessVector = m["AV"] switch { "L" => 0.395, "A" => 0.646, _ => 1.0 };
        var accessComplexity = m["AC"] switch { "H" => 0.35, "M" => 0.61, _ => 0.71 };
        var authentication = m["Au"] switch { "M" => 0.45, "S" => 0.56, _ => 0.704 };
        var exploitability = 20 * accessVector * accessComplexity * authentication;
        var f = impact == 0 ? 0 : 1.176;
        return Round1(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f);
    }

    private static double TemporalFactor(Dictionary<string, string> m)
    {
        var e = m.GetValueOrDefault("E", "ND") switch { "U" => 0.85, "POC" => 0.9, "F" => 0.95, _ => 1.0 };
        var rl = m.GetValueOrDefault("RL", "ND") switch { "OF" => 0.87, "TF" => 0.9, "W" => 0.95, _ => 1.0 };
        var rc = m.GetValueOrDefault("RC", "ND") switch { "UC" => 0.9, "UR" => 0.95, _ => 1.0 };
        return e * rl * rc;
    }

    private static double Requirement(Dictionary<string, string> m, string metric) =>
        m.GetValueOrDefault(metric, "ND") switch { "L" => 0.5, "H" => 1.51, _ => 1.0 };

    private static double Cia(string value) => value switch { "P" => 0.275, "C" => 0.660, _ => 0.0 };

    private static DomainException Invalid(string? vector, string why) =>
        new("invalid-cvss-vector", $"'{vector}' is not a valid CVSS v2 vector: {why}.");
}
