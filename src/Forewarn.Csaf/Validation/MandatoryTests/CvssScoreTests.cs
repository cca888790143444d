using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;
using Forewarn.Csaf.Validation.Schema;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.7 Multiple Scores with same Version per Product: one CVSS score per product and CVSS version.</summary>
internal sealed class MultipleScoresPerProduct() : MandatoryTest("6.1.7")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var seen = new HashSet<(string Product, string Version)>();
            foreach (var (score, s) in vulnerability.Get("scores").Items())
            {
                var pointer = "/vulnerabilities".Index(v).Property("scores").Index(s);
                var versions = new List<string>();
                if (score.Get("cvss_v2") is { } v2)
                    versions.Add(new CvssObjects.Found(v2, true, "").Version ?? "2.0");
                if (score.Get("cvss_v3") is { } v3 && new CvssObjects.Found(v3, false, "").Version is { } version)
                    versions.Add(version);
                foreach (var (product, productPointer) in score.Get("products").Texts(pointer.Property("products")))
                    foreach (var cvssVersion in versions)
                        if (!seen.Add((product, cvssVersion)))
                            yield return Fail(productPointer, $"Product {product} has more than one CVSS v{cvssVersion} score in this vulnerability.");
            }
        }
    }
}

/// <summary>6.1.8 Invalid CVSS: each CVSS object is valid against FIRST's schema of its version.</summary>
internal sealed class InvalidCvss() : MandatoryTest("6.1.8")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var found in CvssObjects.All(document))
        {
            var schema = found.IsV2 ? CsafSchemas.CvssV2
                : found.Version == "3.0" ? CsafSchemas.CvssV30
                : found.Version == "3.1" ? CsafSchemas.CvssV31
                : null;
            if (schema is null)
            {
                yield return Fail(found.Pointer, "The CVSS v3 object says neither by its version nor by its vector whether it is CVSS 3.0 or 3.1.");
                continue;
            }
            var cvss = JsonSerializer.SerializeToElement(found.Cvss);
            foreach (var failure in SchemaFailures.From(CsafSchemas.Evaluate(schema, cvss), cvss, Id))
                yield return failure with { Pointer = found.Pointer + failure.Pointer, Message = $"CVSS v{found.Version}: {failure.Message}" };
        }
    }
}
