using System.Text.Json;
using Json.Schema;

namespace Forewarn.Csaf.Tests.Provider;

/// <summary>
/// The official provider-metadata schema, read from the Forewarn.Csaf assembly. Its publisher is a
/// <c>$ref</c> into the CSAF document schema, so that schema is registered under its <c>$id</c>
/// first, in a registry of our own, and nothing is fetched.
/// </summary>
internal static class ProviderSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Build);

    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        return [.. (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))];
    }

    private static JsonSchema Build()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(Resource("csaf_json_schema.json"), options);
        return JsonSchema.FromText(Resource("provider_json_schema.json"), options);
    }

    private static string Resource(string file)
    {
        var assembly = typeof(Forewarn.Csaf.Provider.ProviderMetadata).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Forewarn.Csaf.Schemas.{file}")
            ?? throw new InvalidOperationException($"The schema {file} is not embedded in Forewarn.Csaf.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
