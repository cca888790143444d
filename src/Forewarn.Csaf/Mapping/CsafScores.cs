using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Domain.Cvss;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// CVSS in CSAF 2.0: v3.x vectors become FIRST cvss_v3 objects with the score computed here;
/// CSAF 2.0 has no place for v4.0, so a v4.0 vector is stated in a vulnerability note.
/// </summary>
internal static class CsafScores
{
    public static bool FitsCsaf(CvssScore score) => score.Version is "3.0" or "3.1";

    public static JsonObject CvssV3(CvssScore score) => new()
    {
        ["version"] = score.Version,
        ["vectorString"] = score.Vector,
        ["baseScore"] = score.BaseScore,
        ["baseSeverity"] = score.Severity.ToUpperInvariant(),
    };

    public static JsonObject Score(CvssScore score, IEnumerable<string> productIds) => new()
    {
        ["cvss_v3"] = CvssV3(score),
        ["products"] = new JsonArray([.. productIds.Select(id => (JsonNode)id)]),
    };

    /// <summary>The note that states a CVSS v4.0 vector, e.g. "CVSS v4.0: CVSS:4.0/… (9.3, Critical) for Product A".</summary>
    public static JsonObject V4Note(CvssScore score, IEnumerable<string> productNames) => new()
    {
        ["category"] = "other",
        ["text"] = $"CVSS v4.0: {score.Vector} ({score.BaseScore.ToString("0.0", CultureInfo.InvariantCulture)}, {score.Severity}) for {string.Join(", ", productNames)}",
        ["title"] = "CVSS v4.0",
    };
}
