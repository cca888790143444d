using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests;
using Forewarn.Csaf.Validation.Schema;

namespace Forewarn.Csaf.Validation;

/// <summary>
/// Validates CSAF 2.0 documents as the standard requires of a CSAF validator: against the official JSON
/// schema (with <c>format</c> asserted, and FIRST's CVSS schemas shipped, never fetched) and by every
/// mandatory test of section 6.1. Thread-safe; the schemas are built once, on first use.
/// </summary>
public static class CsafValidator
{
    // An object naming a member twice is not a document anyone can rely on: refused as not JSON (RFC 8259 §4).
    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    /// <summary>Validates a CSAF document given as JSON text; text that is not JSON fails with the test id "json".</summary>
    public static CsafValidation Validate(string json)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, Reading);
        }
        catch (JsonException e)
        {
            return new CsafValidation([new CsafFailure(CsafFailure.Json, "", $"The text is not JSON: {e.Message}")]);
        }
        using (parsed)
        {
            var root = parsed.RootElement;
            // A JsonObject over the parsed element is read lazily: no second parse, no copy.
            var node = root.ValueKind == JsonValueKind.Object ? JsonObject.Create(root) : JsonNode.Parse(root.GetRawText());
            return node is null
                ? new CsafValidation([new CsafFailure(CsafFailure.Json, "", "The text is the JSON value null, not a CSAF document.")])
                : Validate(root, node);
        }
    }

    /// <summary>Validates a CSAF document: the JSON schema first, then every mandatory test.</summary>
    public static CsafValidation Validate(JsonNode document) => Validate(JsonSerializer.SerializeToElement(document), document);

    /// <summary>Validates a provider-metadata.json document against the CSAF 2.0 provider metadata schema.</summary>
    public static CsafValidation ValidateProviderMetadata(JsonNode document)
    {
        var element = JsonSerializer.SerializeToElement(document);
        return new CsafValidation(SchemaFailures.From(CsafSchemas.Evaluate(CsafSchemas.Provider, element), element));
    }

    private static CsafValidation Validate(JsonElement element, JsonNode document)
    {
        var schemaFailures = SchemaFailures.From(CsafSchemas.Evaluate(CsafSchemas.Csaf, element), element);
        var testFailures = MandatoryTestSuite.All.SelectMany(test => test.Run(document)).ToList();

        // Test 6.1.8 says precisely what is wrong with a CVSS object; the CSAF schema's oneOf over the
        // CVSS versions would say the same again, less clearly.
        var cvssObjects = testFailures.Where(f => f.Test == "6.1.8").Select(f => CvssObjectOf(f.Pointer)).ToHashSet(StringComparer.Ordinal);
        cvssObjects.Remove("");
        var failures = schemaFailures.Where(f => !cvssObjects.Contains(CvssObjectOf(f.Pointer))).Concat(testFailures).ToList();
        return new CsafValidation(failures);
    }

    /// <summary>The pointer of the cvss_v2/cvss_v3 object a pointer lies in, or "" when it lies in none.</summary>
    private static string CvssObjectOf(string pointer)
    {
        var segments = pointer.Split('/');
        var i = Array.FindIndex(segments, s => s is "cvss_v2" or "cvss_v3");
        return i >= 4 && segments[1] == "vulnerabilities" && segments[3] == "scores" ? string.Join('/', segments[..(i + 1)]) : "";
    }
}
