using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cvss;

/// <summary>
/// All three scores of a CVSS v3.0 or v3.1 vector — base, temporal and environmental — computed as
/// FIRST's specification of that version says (v3.1 section 7 and Appendix A; v3.0 section 8).
/// Temporal and environmental metrics that are absent or <c>X</c> count as "Not Defined", so a
/// vector without them has a temporal score equal to its base score.
/// </summary>
/// <remarks>
/// The two versions differ in two places: v3.1 rounds up with the float-safe Roundup of its
/// Appendix A and computes the modified impact of a changed scope with <c>(MISS × 0.9731 − 0.02)^13</c>;
/// v3.0 rounds up with a plain ceiling to one decimal (as FIRST's v3.0 calculator does) and uses
/// <c>(MISS − 0.02)^15</c>.
/// </remarks>
/// <param name="Vector">The vector string as given (trimmed).</param>
/// <param name="Version">"3.0" or "3.1", from the vector's prefix.</param>
/// <param name="Metrics">Every metric the vector names, with its value (e.g. AV → N).</param>
/// <param name="BaseScore">The base score, 0.0 to 10.0.</param>
/// <param name="TemporalScore">The temporal score, 0.0 to 10.0.</param>
/// <param name="EnvironmentalScore">The environmental score, 0.0 to 10.0.</param>
public sealed record CvssV3Scores(
    string Vector,
    string Version,
    IReadOnlyDictionary<string, string> Metrics,
    double BaseScore,
    double TemporalScore,
    double EnvironmentalScore)
{
    /// <summary>The base severity in the upper case CVSS JSON uses: NONE, LOW, MEDIUM, HIGH or CRITICAL.</summary>
    public string BaseSeverity => SeverityOf(BaseScore);

    /// <summary>The temporal severity (upper case, as <see cref="BaseSeverity"/>).</summary>
    public string TemporalSeverity => SeverityOf(TemporalScore);

    /// <summary>The environmental severity (upper case, as <see cref="BaseSeverity"/>).</summary>
    public string EnvironmentalSeverity => SeverityOf(EnvironmentalScore);

    /// <summary>The severity rating of a v3 score, in upper case as the CVSS JSON schemas spell it.</summary>
    public static string SeverityOf(double score) => CvssSeverity.Of(score).ToUpperInvariant();

    /// <summary>Parses a v3.0 or v3.1 vector, or says why it cannot.</summary>
    public static bool TryParse(string? vector, out CvssV3Scores? scores, out string error)
    {
        try
        {
            scores = Parse(vector);
            error = "";
            return true;
        }
        catch (DomainException e)
        {
            scores = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses and scores a v3.0 or v3.1 vector.</summary>
    /// <exception cref="DomainException">The vector is not a valid CVSS v3 vector.</exception>
    public static CvssV3Scores Parse(string? vector)
    {
        // CvssV31 checks prefix, metric names, values, duplicates and the presence of all base metrics.
        var checkedVector = CvssV31.Parse(vector);
        var metrics = checkedVector.Vector[9..].Split('/')
            .Select(part => part.Split(':'))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        var v31 = checkedVector.Version == "3.1";
        Func<double, double> roundup = v31 ? CvssV31.Roundup : RoundupV30;

        var baseScore = BaseScoreOf(metrics, roundup);
        var temporalFactor = TemporalFactor(metrics);
        var temporal = roundup(baseScore * temporalFactor);
        var environmental = EnvironmentalScoreOf(metrics, roundup, temporalFactor, v31);
        return new CvssV3Scores(checkedVector.Vector, checkedVector.Version, metrics, baseScore, temporal, environmental);
    }

    /// <summary>CVSS v3.0's round up: the smallest one-decimal number not below the input, by plain ceiling.</summary>
    public static double RoundupV30(double input) => Math.Ceiling(input * 10) / 10;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{BaseScore:0.0}/{TemporalScore:0.0}/{EnvironmentalScore:0.0} ({Vector})");

    private static double BaseScoreOf(Dictionary<string, string> m, Func<double, double> roundup)
    {
        var changed = m["S"] == "C";
        var iss = 1 - ((1 - Cia(m["C"])) * (1 - Cia(m["I"])) * (1 - Cia(m["A"])));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * AttackVector(m["AV"]) * AttackComplexity(m["AC"])
            * PrivilegesRequired(m["PR"], changed) * UserInteraction(m["UI"]);
        if (impact <= 0) return 0;
        return changed
            ? roundup(Math.Min(1.08 * (impact + exploitability), 10))
            : roundup(Math.Min(impact + exploitability, 10));
    }

    private static double TemporalFactor(Dictionary<string, string> m)
    {
        var e = m.GetValueOrDefault("E", "X") switch { "F" => 0.97, "P" => 0.94, "U" => 0.91, _ => 1.0 };
        var rl = m.GetValueOrDefault("RL", "X") switch { "W" => 0.97, "T" => 0.96, "O" => 0.95, _ => 1.0 };
        var rc = m.GetValueOrDefault("RC", "X") switch { "R" => 0.96, "U" => 0.92, _ => 1.0 };
        return e * rl * rc;
    }

    private static double EnvironmentalScoreOf(
        Dictionary<string, string> m, Func<double, double> roundup, double temporalFactor, bool v31)
    {
        string Modified(string metric) =>
            m.TryGetValue("M" + metric, out var value) && value != "X" ? value : m[metric];
        static double Requirement(string? value) => value switch { "H" => 1.5, "L" => 0.5, _ => 1.0 };

        var changed = Modified("S") == "C";
        var miss = Math.Min(
            1 - ((1 - (Requirement(m.GetValueOrDefault("CR")) * Cia(Modified("C"))))
                 * (1 - (Requirement(m.GetValueOrDefault("IR")) * Cia(Modified("I"))))
                 * (1 - (Requirement(m.GetValueOrDefault("AR")) * Cia(Modified("A"))))),
            0.915);
        var impact = !changed ? 6.42 * miss
            : v31 ? (7.52 * (miss - 0.029)) - (3.25 * Math.Pow((miss * 0.9731) - 0.02, 13))
            : (7.52 * (miss - 0.029)) - (3.25 * Math.Pow(miss - 0.02, 15));
        var exploitability = 8.22 * AttackVector(Modified("AV")) * AttackComplexity(Modified("AC"))
            * PrivilegesRequired(Modified("PR"), changed) * UserInteraction(Modified("UI"));
        if (impact <= 0) return 0;
        var modifiedBase = changed
            ? roundup(Math.Min(1.08 * (impact + exploitability), 10))
            : roundup(Math.Min(impact + exploitability, 10));
        return roundup(modifiedBase * temporalFactor);
    }

    private static double Cia(string value) => value switch { "H" => 0.56, "L" => 0.22, _ => 0 };

    private static double AttackVector(string value) => value switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2 };

    private static double AttackComplexity(string value) => value == "L" ? 0.77 : 0.44;

    private static double PrivilegesRequired(string value, bool scopeChanged) => value switch
    {
        "N" => 0.85,
        "L" => scopeChanged ? 0.68 : 0.62,
        _ => scopeChanged ? 0.5 : 0.27,
    };

    private static double UserInteraction(string value) => value == "N" ? 0.85 : 0.62;
}
