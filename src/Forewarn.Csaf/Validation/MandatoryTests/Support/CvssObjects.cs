using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>The CVSS objects of a document: <c>/vulnerabilities[]/scores[]/cvss_v2</c> and <c>…/cvss_v3</c>.</summary>
internal static class CvssObjects
{
    /// <summary>A CVSS object, which of the two properties holds it, and where it is.</summary>
    public sealed record Found(JsonNode Cvss, bool IsV2, string Pointer)
    {
        public string? Vector => Cvss.Get("vectorString").Text();

        /// <summary>"2.0", "3.0" or "3.1": the version property, else the vector's prefix; null when neither says.</summary>
        public string? Version =>
            Cvss.Get("version").Text()
            ?? (IsV2 ? "2.0"
                : Vector is { } v && v.StartsWith("CVSS:3.0/", StringComparison.Ordinal) ? "3.0"
                : Vector is { } w && w.StartsWith("CVSS:3.1/", StringComparison.Ordinal) ? "3.1"
                : null);
    }

    public static IEnumerable<Found> All(JsonNode document)
    {
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
            foreach (var (score, s) in vulnerability.Get("scores").Items())
            {
                var pointer = "/vulnerabilities".Index(v).Property("scores").Index(s);
                if (score.Get("cvss_v2") is { } v2)
                    yield return new Found(v2, true, pointer.Property("cvss_v2"));
                if (score.Get("cvss_v3") is { } v3)
                    yield return new Found(v3, false, pointer.Property("cvss_v3"));
            }
    }
}
