namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>
/// The properties of FIRST's CVSS JSON schemas, each with its vector metric and the metric value each
/// property value stands for.
/// </summary>
internal static class CvssProperties
{
    private static readonly Dictionary<string, string> Impact3 = new() { ["NONE"] = "N", ["LOW"] = "L", ["HIGH"] = "H" };
    private static readonly Dictionary<string, string> ModifiedImpact3 = new() { ["NONE"] = "N", ["LOW"] = "L", ["HIGH"] = "H", ["NOT_DEFINED"] = "X" };
    private static readonly Dictionary<string, string> Requirement3 = new() { ["LOW"] = "L", ["MEDIUM"] = "M", ["HIGH"] = "H", ["NOT_DEFINED"] = "X" };
    private static readonly Dictionary<string, string> Impact2 = new() { ["NONE"] = "N", ["PARTIAL"] = "P", ["COMPLETE"] = "C" };
    private static readonly Dictionary<string, string> Requirement2 = new() { ["LOW"] = "L", ["MEDIUM"] = "M", ["HIGH"] = "H", ["NOT_DEFINED"] = "ND" };

    /// <summary>CVSS v3.0 and v3.1 (both schemas use the same properties).</summary>
    public static readonly IReadOnlyDictionary<string, (string Metric, Dictionary<string, string> Values)> V3 =
        new Dictionary<string, (string, Dictionary<string, string>)>
        {
            ["attackVector"] = ("AV", new() { ["NETWORK"] = "N", ["ADJACENT_NETWORK"] = "A", ["LOCAL"] = "L", ["PHYSICAL"] = "P" }),
            ["attackComplexity"] = ("AC", new() { ["LOW"] = "L", ["HIGH"] = "H" }),
            ["privilegesRequired"] = ("PR", new() { ["NONE"] = "N", ["LOW"] = "L", ["HIGH"] = "H" }),
            ["userInteraction"] = ("UI", new() { ["NONE"] = "N", ["REQUIRED"] = "R" }),
            ["scope"] = ("S", new() { ["UNCHANGED"] = "U", ["CHANGED"] = "C" }),
            ["confidentialityImpact"] = ("C", Impact3),
            ["integrityImpact"] = ("I", Impact3),
            ["availabilityImpact"] = ("A", Impact3),
            ["exploitCodeMaturity"] = ("E", new() { ["UNPROVEN"] = "U", ["PROOF_OF_CONCEPT"] = "P", ["FUNCTIONAL"] = "F", ["HIGH"] = "H", ["NOT_DEFINED"] = "X" }),
            ["remediationLevel"] = ("RL", new() { ["OFFICIAL_FIX"] = "O", ["TEMPORARY_FIX"] = "T", ["WORKAROUND"] = "W", ["UNAVAILABLE"] = "U", ["NOT_DEFINED"] = "X" }),
            ["reportConfidence"] = ("RC", new() { ["UNKNOWN"] = "U", ["REASONABLE"] = "R", ["CONFIRMED"] = "C", ["NOT_DEFINED"] = "X" }),
            ["confidentialityRequirement"] = ("CR", Requirement3),
            ["integrityRequirement"] = ("IR", Requirement3),
            ["availabilityRequirement"] = ("AR", Requirement3),
            ["modifiedAttackVector"] = ("MAV", new() { ["NETWORK"] = "N", ["ADJACENT_NETWORK"] = "A", ["LOCAL"] = "L", ["PHYSICAL"] = "P", ["NOT_DEFINED"] = "X" }),
            ["modifiedAttackComplexity"] = ("MAC", new() { ["LOW"] = "L", ["HIGH"] = "H", ["NOT_DEFINED"] = "X" }),
            ["modifiedPrivilegesRequired"] = ("MPR", new() { ["NONE"] = "N", ["LOW"] = "L", ["HIGH"] = "H", ["NOT_DEFINED"] = "X" }),
            ["modifiedUserInteraction"] = ("MUI", new() { ["NONE"] = "N", ["REQUIRED"] = "R", ["NOT_DEFINED"] = "X" }),
            ["modifiedScope"] = ("MS", new() { ["UNCHANGED"] = "U", ["CHANGED"] = "C", ["NOT_DEFINED"] = "X" }),
            ["modifiedConfidentialityImpact"] = ("MC", ModifiedImpact3),
            ["modifiedIntegrityImpact"] = ("MI", ModifiedImpact3),
            ["modifiedAvailabilityImpact"] = ("MA", ModifiedImpact3),
        };

    /// <summary>CVSS v2.</summary>
    public static readonly IReadOnlyDictionary<string, (string Metric, Dictionary<string, string> Values)> V2 =
        new Dictionary<string, (string, Dictionary<string, string>)>
        {
            ["accessVector"] = ("AV", new() { ["NETWORK"] = "N", ["ADJACENT_NETWORK"] = "A", ["LOCAL"] = "L" }),
            ["accessComplexity"] = ("AC", new() { ["HIGH"] = "H", ["MEDIUM"] = "M", ["LOW"] = "L" }),
            ["authentication"] = ("Au", new() { ["MULTIPLE"] = "M", ["SINGLE"] = "S", ["NONE"] = "N" }),
            ["confidentialityImpact"] = ("C", Impact2),
            ["integrityImpact"] = ("I", Impact2),
            ["availabilityImpact"] = ("A", Impact2),
            ["exploitability"] = ("E", new() { ["UNPROVEN"] = "U", ["PROOF_OF_CONCEPT"] = "POC", ["FUNCTIONAL"] = "F", ["HIGH"] = "H", ["NOT_DEFINED"] = "ND" }),
            ["remediationLevel"] = ("RL", new() { ["OFFICIAL_FIX"] = "OF", ["TEMPORARY_FIX"] = "TF", ["WORKAROUND"] = "W", ["UNAVAILABLE"] = "U", ["NOT_DEFINED"] = "ND" }),
            ["reportConfidence"] = ("RC", new() { ["UNCONFIRMED"] = "UC", ["UNCORROBORATED"] = "UR", ["CONFIRMED"] = "C", ["NOT_DEFINED"] = "ND" }),
            ["collateralDamagePotential"] = ("CDP", new() { ["NONE"] = "N", ["LOW"] = "L", ["LOW_MEDIUM"] = "LM", ["MEDIUM_HIGH"] = "MH", ["HIGH"] = "H", ["NOT_DEFINED"] = "ND" }),
            ["targetDistribution"] = ("TD", new() { ["NONE"] = "N", ["LOW"] = "L", ["MEDIUM"] = "M", ["HIGH"] = "H", ["NOT_DEFINED"] = "ND" }),
            ["confidentialityRequirement"] = ("CR", Requirement2),
            ["integrityRequirement"] = ("IR", Requirement2),
            ["availabilityRequirement"] = ("AR", Requirement2),
        };
}
