using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;
using Forewarn.Domain.Cvss;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.9 Invalid CVSS computation: the scores and severities given must be the ones the vector string
/// computes to (the vector takes precedence). Objects whose vector cannot be parsed are left to 6.1.8.
/// </summary>
internal sealed class InvalidCvssComputation() : MandatoryTest("6.1.9")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var found in CvssObjects.All(document))
        {
            var expected = Expected(found);
            foreach (var (property, value) in expected)
            {
                var given = found.Cvss.Get(property);
                if (given is null) continue;
                var pointer = found.Pointer.Property(property);
                if (value is double score && given.Number() is { } number && Math.Abs(number - score) > 0.0001)
                    yield return Fail(pointer, $"{property} is {Format(number)}, but the vector {found.Vector} computes to {Format(score)}.");
                if (value is string severity && given.Text() is { } text && text != severity)
                    yield return Fail(pointer, $"{property} is {text}, but the vector {found.Vector} computes to {severity}.");
            }
        }
    }

    private static IEnumerable<(string Property, object Value)> Expected(CvssObjects.Found found)
    {
        if (found.IsV2)
        {
            if (!CvssV2.TryParse(found.Vector, out var v2, out _)) return [];
            return [("baseScore", v2!.BaseScore), ("temporalScore", v2.TemporalScore), ("environmentalScore", v2.EnvironmentalScore)];
        }
        if (!CvssV3Scores.TryParse(found.Vector, out var v3, out _)) return [];
        return
        [
            ("baseScore", v3!.BaseScore), ("baseSeverity", v3.BaseSeverity),
            ("temporalScore", v3.TemporalScore), ("temporalSeverity", v3.TemporalSeverity),
            ("environmentalScore", v3.EnvironmentalScore), ("environmentalSeverity", v3.EnvironmentalSeverity),
        ];
    }

    private static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
