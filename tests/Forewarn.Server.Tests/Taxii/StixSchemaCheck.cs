using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// What TAXII serves checked against the official STIX 2.1 schemas in tests/standards/stix-2.1
/// (the folder the Stix tests use), every file registered under its <c>$id</c> so references
/// resolve locally; nothing is fetched.
/// </summary>
internal static class StixSchemaCheck
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> ByType = new(Build);

    public static void AssertValid(JsonNode stixObject)
    {
        var type = (string?)stixObject["type"] ?? "";
        Assert.True(ByType.Value.TryGetValue(type, out var schema), $"No official schema for type '{type}'.");
        using var json = JsonDocument.Parse(stixObject.ToJsonString());
        var result = schema!.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors) + "\n" + stixObject.ToJsonString());
    }

    private static Dictionary<string, JsonSchema> Build()
    {
        var registry = new SchemaRegistry { Fetch = static (uri, _) => throw new InvalidOperationException($"{uri} is not a local schema.") };
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
        var documents = Directory.GetFiles(Path.Combine(Root(), "schemas"), "*.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone())
            .ToDictionary(e => new Uri(e.GetProperty("$id").GetString()!));
        var built = new Dictionary<Uri, JsonSchema>();
        foreach (var id in documents.Keys) Add(id);
        return built.Where(kv => kv.Key.AbsolutePath.Contains("/sdos/", StringComparison.Ordinal)
                || kv.Key.AbsolutePath.Contains("/sros/", StringComparison.Ordinal)
                || kv.Key.AbsolutePath.EndsWith("/marking-definition.json", StringComparison.Ordinal))
            .ToDictionary(kv => Path.GetFileNameWithoutExtension(kv.Key.AbsolutePath), kv => kv.Value);

        // Built after what it refers to: JsonSchema.Net resolves references while building.
        void Add(Uri id)
        {
            if (built.ContainsKey(id)) return;
            foreach (var r in References(documents[id]).Select(r => new Uri(id, r)).Where(r => r != id).Distinct()) Add(r);
            built[id] = JsonSchema.Build(documents[id], options, id);
        }
    }

    private static IEnumerable<string> References(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p =>
            p.Name == "$ref" && p.Value.GetString() is { } r && !r.StartsWith('#') ? [r.Split('#')[0]] : References(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Forewarn.slnx"))) return Path.Combine(dir.FullName, "tests", "standards", "stix-2.1");
        }
        throw new DirectoryNotFoundException("No Forewarn.slnx above the test binaries.");
    }
}
