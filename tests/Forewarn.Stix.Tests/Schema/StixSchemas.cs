using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Tests.Standards;
using Json.Schema;

namespace Forewarn.Stix.Tests.Schema;

/// <summary>
/// The official STIX 2.1 schemas (draft 2020-12), every file registered under its <c>$id</c> so their
/// relative <c>$ref</c>s resolve locally; a fetch would be a bug, so it throws.
/// </summary>
internal static class StixSchemas
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> ByType = new(Build);

    /// <summary>The schema failures of <paramref name="stixObject"/> against the schema of its type; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode stixObject)
    {
        var type = (string?)stixObject["type"] ?? "";
        if (!ByType.Value.TryGetValue(type, out var schema)) return [$"no official schema for type '{type}'"];
        using var json = JsonDocument.Parse(stixObject.ToJsonString());
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{type} {d.InstanceLocation} {e.Key}: {e.Value}"))
                .DefaultIfEmpty($"{type}: invalid")];
    }

    /// <summary>Asserts <paramref name="stixObject"/> is valid, showing the failures and the object when not.</summary>
    public static void AssertValid(JsonNode stixObject)
    {
        var errors = Errors(stixObject);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + stixObject.ToJsonString());
    }

    private static Dictionary<string, JsonSchema> Build()
    {
        var registry = new SchemaRegistry { Fetch = static (uri, _) => throw new InvalidOperationException($"{uri} is not a local schema; nothing is fetched.") };
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
        var documents = Directory.GetFiles(StixStandards.Schemas, "*.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone())
            .ToDictionary(e => new Uri(e.GetProperty("$id").GetString()!));
        var built = new Dictionary<Uri, JsonSchema>();
        // JsonSchema.Net resolves $refs while it builds, so a schema is built after those it refers to
        // (the STIX schemas refer to each other without cycles).
        foreach (var id in documents.Keys) BuildWithReferences(id);
        return built.Where(kv => kv.Key.AbsolutePath.Contains("/sdos/", StringComparison.Ordinal)
                || kv.Key.AbsolutePath.Contains("/sros/", StringComparison.Ordinal)
                || kv.Key.AbsolutePath.EndsWith("/marking-definition.json", StringComparison.Ordinal)
                || kv.Key.AbsolutePath.EndsWith("/bundle.json", StringComparison.Ordinal))
            .ToDictionary(kv => Path.GetFileNameWithoutExtension(kv.Key.AbsolutePath), kv => kv.Value);

        void BuildWithReferences(Uri id)
        {
            if (built.ContainsKey(id)) return;
            foreach (var reference in References(documents[id]).Select(r => new Uri(id, r)).Where(r => r != id).Distinct())
                BuildWithReferences(reference);
            built[id] = JsonSchema.Build(documents[id], options, id);
        }
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "$ref" && p.Value.GetString() is { } r && !r.StartsWith('#') ? [r.Split('#')[0]] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };
}
