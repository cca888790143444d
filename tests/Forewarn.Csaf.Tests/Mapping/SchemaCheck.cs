using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>
/// The CSAF 2.0 JSON schema with the FIRST CVSS schemas it refers to, from the standards folder,
/// formats asserted. (Stands in until the project's CsafValidator is in place.)
/// </summary>
internal static class SchemaCheck
{
    private static readonly Lazy<JsonSchema> Csaf = new(Build);

    public static IReadOnlyList<string> Errors(JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        var result = Csaf.Value.Evaluate(json.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))
                .DefaultIfEmpty("schema: invalid")];
    }

    private static JsonSchema Build()
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
        var root = Path.Combine(Standards.Folder, "csaf-2.0");
        foreach (var version in new[] { "2.0", "3.0", "3.1" })
            Load(Path.Combine(root, "referenced_schema", "first", $"cvss-v{version}.json"), $"https://www.first.org/cvss/cvss-v{version}.json");
        return Load(Path.Combine(root, "json_schema", "csaf_json_schema.json"), "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json");

        JsonSchema Load(string file, string url)
        {
            // FIRST's CVSS schemas are draft-04/07, which JsonSchema.Net 8 no longer reads: their keywords
            // mean the same under 2020-12 once the dialect and the old-style ids are taken out.
            var node = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            foreach (var key in new[] { "$schema", "id", "$id", "license" }.Where(k => url.Contains("first.org", StringComparison.Ordinal)))
                node.Remove(key);
            using var document = JsonDocument.Parse(node.ToJsonString());
            var schema = JsonSchema.Build(document.RootElement.Clone(), options, new Uri(url));
            registry.Register(new Uri(url), schema);
            return schema;
        }
    }
}
