using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cvss;

/// <summary>
/// A parsed, validated CVSS v4.0 vector with its score computed as FIRST's specification
/// (section 8, "CVSS v4.0 Scoring") says: the vector is reduced to a MacroVector of six
/// equivalence classes (EQ1–EQ6), whose score is looked up in the table of 270 MacroVectors, and
/// the vector's severity distance from the highest-severity vectors of its MacroVector lowers that
/// score by the mean proportional distance to the next lower MacroVectors, as in FIRST's reference
/// calculator. Threat (E) and Environmental metrics are taken into account when given, so the score
/// is CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE (see <see cref="Nomenclature"/>).
/// Written after the specification and FIRST's reference calculator (RedHatProductSecurity/cvss-v4-calculator,
/// cvss40.js, and its Python twin RedHatProductSecurity/cvss, cvss/cvss4.py), including their floating-point
/// arithmetic and rounding, so that scores agree with the reference to the tenth.
/// </summary>
/// <param name="Vector">The vector string as given (trimmed).</param>
/// <param name="Score">The score, 0.0 to 10.0, rounded to one decimal.</param>
/// <param name="Severity">The qualitative rating: None, Low, Medium, High or Critical.</param>
public sealed record CvssV40(string Vector, double Score, string Severity)
{
    private const string Prefix = "CVSS:4.0/";

    /// <summary>Every metric with its allowed values, in the order the vector string lists them (spec Table 23).</summary>
    private static readonly (string Metric, string[] Values)[] Metrics =
    [
        // Base
        ("AV", ["N", "A", "L", "P"]), ("AC", ["L", "H"]), ("AT", ["N", "P"]), ("PR", ["N", "L", "H"]),
        ("UI", ["N", "P", "A"]), ("VC", ["H", "L", "N"]), ("VI", ["H", "L", "N"]), ("VA", ["H", "L", "N"]),
        ("SC", ["H", "L", "N"]), ("SI", ["H", "L", "N"]), ("SA", ["H", "L", "N"]),
        // Threat
        ("E", ["X", "A", "P", "U"]),
        // Environmental
        ("CR", ["X", "H", "M", "L"]), ("IR", ["X", "H", "M", "L"]), ("AR", ["X", "H", "M", "L"]),
        ("MAV", ["X", "N", "A", "L", "P"]), ("MAC", ["X", "L", "H"]), ("MAT", ["X", "N", "P"]),
        ("MPR", ["X", "N", "L", "H"]), ("MUI", ["X", "N", "P", "A"]),
        ("MVC", ["X", "H", "L", "N"]), ("MVI", ["X", "H", "L", "N"]), ("MVA", ["X", "H", "L", "N"]),
        ("MSC", ["X", "H", "L", "N"]), ("MSI", ["X", "S", "H", "L", "N"]), ("MSA", ["X", "S", "H", "L", "N"]),
        // Supplemental (no effect on the score)
        ("S", ["X", "N", "P"]), ("AU", ["X", "N", "Y"]), ("R", ["X", "A", "U", "I"]), ("V", ["X", "D", "C"]),
        ("RE", ["X", "L", "M", "H"]), ("U", ["X", "Clear", "Green", "Amber", "Red"]),
    ];

    private const int BaseMetricCount = 11;

    private const double RoundingEpsilon = 1e-6;

    private static readonly string[] EnvironmentalMetrics =
        ["CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA"];

    /// <summary>
    /// Severity level of each metric value, in steps of 0.1 (lower is more severe), used to
    /// measure how far a vector lies from the highest-severity vector of its MacroVector.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new()
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["E"] = new() { ["A"] = 0.0, ["P"] = 0.1, ["U"] = 0.2 },
    };

    // Highest-severity vectors of each EQ level (the reference calculator's max_composed data).
    private static readonly string[][] Eq1Max =
        [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]];

    private static readonly string[][] Eq2Max = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];

    /// <summary>EQ3 and EQ6 together, indexed [eq3][eq6]; EQ3 = 2 only occurs with EQ6 = 1.</summary>
    private static readonly string[][][] Eq3Eq6Max =
    [
        [["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"]],
        [
            ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
            [
                "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
            ],
        ],
        [[], ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ];

    private static readonly string[][] Eq4Max = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];

    private static readonly string[][] Eq5Max = [["E:A"], ["E:P"], ["E:U"]];

    // Depth of each MacroVector (maximal severity distance within it, +1), in steps of 0.1.
    private static readonly int[] Eq1Depth = [1, 4, 5];
    private static readonly int[] Eq2Depth = [1, 2];
    private static readonly int[][] Eq3Eq6Depth = [[7, 6], [8, 8], [0, 10]];
    private static readonly int[] Eq4Depth = [6, 5, 4];

    /// <summary>
    /// Which scores the vector carries: "CVSS-B" (base only), with "T" when a Threat metric and
    /// "E" when an Environmental metric is given with a value other than X.
    /// </summary>
    public string Nomenclature
    {
        get
        {
            var given = MetricsOf(Vector);
            var threat = given.TryGetValue("E", out var e) && e != "X";
            var environmental = EnvironmentalMetrics.Any(m => given.TryGetValue(m, out var v) && v != "X");
            return "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
        }
    }

    /// <summary>Parses <paramref name="vector"/> without throwing; <paramref name="error"/> says why it was refused.</summary>
    public static bool TryParse(string? vector, out CvssV40? cvss, out string error)
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

    /// <summary>
    /// Parses and scores a CVSS v4.0 vector. It must start with "CVSS:4.0/", give each of the 11 Base
    /// metrics, and list every metric at most once with an allowed value, in the order of the
    /// specification's Table 23 (Base, Threat, Environmental, Supplemental), as FIRST's JSON schema
    /// and reference calculator require.
    /// </summary>
    /// <exception cref="DomainException">Code <c>invalid-cvss-vector</c> when the vector is malformed.</exception>
    public static CvssV40 Parse(string? vector)
    {
        var text = vector?.Trim() ?? "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            throw Invalid(vector, "it must start with 'CVSS:4.0/'");

        var given = new Dictionary<string, string>();
        var lastIndex = -1;
        var lastMetric = "";
        foreach (var part in text[Prefix.Length..].Split('/'))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || kv[0].Length == 0 || kv[1].Length == 0)
                throw Invalid(vector, $"'{part}' is not of the form METRIC:VALUE");
            var index = Array.FindIndex(Metrics, m => m.Metric == kv[0]);
            if (index < 0)
                throw Invalid(vector, $"'{kv[0]}' is not a CVSS v4.0 metric");
            var values = Metrics[index].Values;
            if (!values.Contains(kv[1]))
                throw Invalid(vector, $"'{kv[1]}' is not a value of {kv[0]} (allowed: {string.Join(", ", values)})");
            if (!given.TryAdd(kv[0], kv[1]))
                throw Invalid(vector, $"{kv[0]} appears more than once");
            if (index < lastIndex)
                throw Invalid(vector, $"{kv[0]} is out of order: it must come before {lastMetric}");
            lastIndex = index;
            lastMetric = kv[0];
        }
        var missing = Metrics.Take(BaseMetricCount).Select(m => m.Metric).Where(m => !given.ContainsKey(m)).ToList();
        if (missing.Count > 0)
            throw Invalid(vector, $"the base metric(s) {string.Join(", ", missing)} are missing");

        var score = ScoreOf(given);
        return new CvssV40(text, score, CvssSeverity.Of(score));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Score.ToString("0.0", CultureInfo.InvariantCulture)} {Severity} ({Vector})";

    private static Dictionary<string, string> MetricsOf(string vector) =>
        vector[Prefix.Length..].Split('/').Select(p => p.Split(':')).ToDictionary(kv => kv[0], kv => kv[1]);

    /// <summary>
    /// The value that scores for <paramref name="metric"/>: its Modified (M-) metric when given,
    /// and the worst case for E (Attacked) and CR/IR/AR (High) when they are not defined.
    /// </summary>
    private static string Effective(Dictionary<string, string> m, string metric)
    {
        var value = m.GetValueOrDefault(metric, "X");
        if (value == "X")
        {
            switch (metric)
            {
                case "E": return "A";
                case "CR" or "IR" or "AR": return "H";
            }
        }
        return m.TryGetValue("M" + metric, out var modified) && modified != "X" ? modified : value;
    }

    private static int[] EquivalenceClasses(Dictionary<string, string> m)
    {
        string E(string metric) => Effective(m, metric);

        var (av, pr, ui) = (E("AV"), E("PR"), E("UI"));
        var eq1 = av == "N" && pr == "N" && ui == "N" ? 0
            : (av == "N" || pr == "N" || ui == "N") && av != "P" ? 1
            : 2;
        var eq2 = E("AC") == "L" && E("AT") == "N" ? 0 : 1;
        var (vc, vi, va) = (E("VC"), E("VI"), E("VA"));
        var eq3 = vc == "H" && vi == "H" ? 0 : vc == "H" || vi == "H" || va == "H" ? 1 : 2;
        var eq4 = E("MSI") == "S" || E("MSA") == "S" ? 0
            : E("SC") == "H" || E("SI") == "H" || E("SA") == "H" ? 1
            : 2;
        var eq5 = E("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (E("CR") == "H" && vc == "H") || (E("IR") == "H" && vi == "H") || (E("AR") == "H" && va == "H") ? 0 : 1;
        return [eq1, eq2, eq3, eq4, eq5, eq6];
    }

    private static double? Lookup(int[] eq) =>
        CvssV40Lookup.MacroVectorScores.TryGetValue(string.Concat(eq), out var score) ? score : null;

    /// <summary>The MacroVector one level lower in the EQ at <paramref name="index"/>.</summary>
    private static int[] With(int[] eq, int index)
    {
        var copy = (int[])eq.Clone();
        copy[index]++;
        return copy;
    }

    private static double ScoreOf(Dictionary<string, string> m)
    {
        if (new[] { "VC", "VI", "VA", "SC", "SI", "SA" }.All(x => Effective(m, x) == "N"))
            return 0.0;

        var eq = EquivalenceClasses(m);
        var value = Lookup(eq)!.Value;
        var (eq1, eq2, eq3, eq4, eq5, eq6) = (eq[0], eq[1], eq[2], eq[3], eq[4], eq[5]);

        // 1a. The score of the next lower MacroVector of each EQ (none when it does not exist).
        var lowerEq1 = Lookup(With(eq, 0));
        var lowerEq2 = Lookup(With(eq, 1));
        double? lowerEq3Eq6 = (eq3, eq6) switch
        {
            (0, 0) => Max(Lookup(With(eq, 5)), Lookup(With(eq, 2))), // 00 -> 01 or 10: the higher
            (1, 0) => Lookup(With(eq, 5)), // 10 -> 11
            (_, 1) => Lookup(With(eq, 2)), // 01 -> 11, 11 -> 21, 21 -> none
            _ => null,
        };
        var lowerEq4 = Lookup(With(eq, 3));
        var lowerEq5 = Lookup(With(eq, 4));

        // 1b. The severity distance from the first highest-severity vector of the MacroVector that
        //     is at least as severe as the scored vector in every metric.
        var maxVectors =
            from a in Eq1Max[eq1]
            from b in Eq2Max[eq2]
            from c in Eq3Eq6Max[eq3][eq6]
            from d in Eq4Max[eq4]
            from e in Eq5Max[eq5]
            select $"{a}/{b}/{c}/{d}/{e}";
        Dictionary<string, double> distances = [];
        foreach (var max in maxVectors)
        {
            var maxMetrics = max.Split('/').Select(p => p.Split(':')).ToDictionary(kv => kv[0], kv => kv[1]);
            distances = Levels.ToDictionary(l => l.Key, l => l.Value[Effective(m, l.Key)] - l.Value[maxMetrics[l.Key]]);
            if (distances.Values.All(d => d >= 0))
                break;
            // As in the reference, when no candidate qualifies the last one's distances are used.
        }

        var distanceEq1 = distances["AV"] + distances["PR"] + distances["UI"];
        var distanceEq2 = distances["AC"] + distances["AT"];
        var distanceEq3Eq6 = distances["VC"] + distances["VI"] + distances["VA"]
            + distances["CR"] + distances["IR"] + distances["AR"];
        var distanceEq4 = distances["SC"] + distances["SI"] + distances["SA"];

        // 1c/1d. The maximal scoring difference times the proportion of the MacroVector's depth.
        const double step = 0.1;
        var existing = 0;
        var sum = 0.0;
        void Add(double? lower, double distance, double depth)
        {
            if (lower is not { } l) return;
            existing++;
            sum += (value - l) * (distance / depth);
        }
        Add(lowerEq1, distanceEq1, Eq1Depth[eq1] * step);
        Add(lowerEq2, distanceEq2, Eq2Depth[eq2] * step);
        Add(lowerEq3Eq6, distanceEq3Eq6, Eq3Eq6Depth[eq3][eq6] * step);
        Add(lowerEq4, distanceEq4, Eq4Depth[eq4] * step);
        if (lowerEq5 is not null) existing++; // EQ5's proportion is always 0.

        // 2./3. The MacroVector's score less the mean distance, rounded half up to one decimal.
        //      Like the reference implementations (since their 2024 rounding fixes), the value is
        //      first lifted by 1e-6 so that a result one floating-point step below an x.x5 tie
        //      (e.g. 4.9499999999999993 for 4.95) still rounds up.
        var mean = existing == 0 ? 0 : sum / existing;
        var score = Math.Clamp(value - mean, 0, 10);
        return Math.Round((score + RoundingEpsilon) * 10, MidpointRounding.AwayFromZero) / 10;
    }

    private static double? Max(double? a, double? b) => a is { } x && b is { } y ? Math.Max(x, y) : null;

    private static DomainException Invalid(string? vector, string why) =>
        new("invalid-cvss-vector", $"'{vector}' is not a valid CVSS v4.0 vector: {why}.");
}
