using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>Small valid CSAF documents for the targeted tests to change one thing in.</summary>
internal static class TestDocuments
{
    /// <summary>A minimal valid CSAF Base document, version 1, with one product (CSAFPID-1).</summary>
    public static JsonObject Base() => (JsonObject)JsonNode.Parse("""
        {
          "document": {
            "category": "csaf_base",
            "csaf_version": "2.0",
            "publisher": { "category": "other", "name": "Forewarn tests", "namespace": "https://example.com" },
            "title": "A test document",
            "tracking": {
              "current_release_date": "2024-01-02T00:00:00.000Z",
              "id": "FOREWARN-TEST-1",
              "initial_release_date": "2024-01-01T00:00:00.000Z",
              "revision_history": [
                { "date": "2024-01-01T00:00:00.000Z", "number": "1", "summary": "Initial version." }
              ],
              "status": "final",
              "version": "1"
            }
          },
          "product_tree": {
            "full_product_names": [ { "name": "Product One", "product_id": "CSAFPID-1" } ]
          }
        }
        """)!;

    /// <summary>The base document with one vulnerability scored with the given CVSS object.</summary>
    public static JsonObject WithScore(string cvssProperty, string cvssJson)
    {
        var document = Base();
        document["vulnerabilities"] = JsonNode.Parse($$"""
            [ { "scores": [ { "products": [ "CSAFPID-1" ], "{{cvssProperty}}": {{cvssJson}} } ] } ]
            """);
        return document;
    }

    /// <summary>The base document with the given revision history (date, number) and document version.</summary>
    public static JsonObject WithRevisions(string version, params (string Date, string Number)[] revisions)
    {
        var document = Base();
        var tracking = document["document"]!["tracking"]!;
        tracking["version"] = version;
        tracking["revision_history"] = new JsonArray(revisions
            .Select(r => (JsonNode)new JsonObject { ["date"] = r.Date, ["number"] = r.Number, ["summary"] = "A revision." })
            .ToArray());
        return document;
    }
}
