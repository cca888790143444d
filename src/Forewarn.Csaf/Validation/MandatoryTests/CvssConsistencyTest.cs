using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.10 Inconsistent CVSS: the spelled-out properties of a CVSS object (attackVector, scope …) must
/// say what its vector string says. A temporal or environmental metric missing from the vector is
/// "not defined".
/// </summary>
internal sealed class InconsistentCvss() : MandatoryTest("6.1.10")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var found in CvssObjects.All(document))
        {
            if (found.Vector is not { } vector) continue;
            var (properties, notDefined, metricsText) = found.IsV2
                ? (CvssProperties.V2, "ND", vector)
                : (CvssProperties.V3, "X", vector.Contains('/', StringComparison.Ordinal) ? vector[(vector.IndexOf('/', StringComparison.Ordinal) + 1)..] : "");
            var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in metricsText.Split('/'))
                if (part.Split(':') is [var metric, var value])
                    metrics.TryAdd(metric, value);

            if (!found.IsV2 && found.Cvss.Get("version").Text() is { } version
                && vector.StartsWith("CVSS:", StringComparison.Ordinal) && !vector.StartsWith($"CVSS:{version}/", StringComparison.Ordinal))
                yield return Fail(found.Pointer.Property("version"), $"version is {version}, but the vector {vector} is of another CVSS version.");

            foreach (var (property, (metric, values)) in properties)
            {
                if (found.Cvss.Get(property).Text() is not { } given || !values.TryGetValue(given, out var expected)) continue;
                var actual = metrics.GetValueOrDefault(metric, notDefined);
                if (actual != expected)
                    yield return Fail(found.Pointer.Property(property),
                        $"{property} is {given}, but the vector {vector} says {metric}:{actual}.");
            }
        }
    }
}
