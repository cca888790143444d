using System.Text.Json;
using Json.Schema;

namespace Forewarn.Csaf.Validation.Schema;

/// <summary>
/// The official schemas, read from the assembly's embedded resources and built once. The FIRST CVSS
/// schemas are registered under the URLs the CSAF schema <c>$ref</c>s and the CSAF schema under its
/// <c>$id</c>, so that nothing is ever fetched. Built schemas are immutable and safe to share between threads.
/// </summary>
internal static class CsafSchemas
{
    public const string CsafId = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";

    private static readonly Lazy<Catalog> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The CSAF 2.0 document schema.</summary>
    public static JsonSchema Csaf => Built.Value.Csaf;

    /// <summary>The schema of provider-metadata.json.</summary>
    public static JsonSchema Provider => Built.Value.Provider;

    /// <summary>FIRST's CVSS v2.0 schema.</summary>
    public static JsonSchema CvssV2 => Built.Value.CvssV2;

    /// <summary>FIRST's CVSS v3.0 schema.</summary>
    public static JsonSchema CvssV30 => Built.Value.CvssV30;

    /// <summary>FIRST's CVSS v3.1 schema.</summary>
    public static JsonSchema CvssV31 => Built.Value.CvssV31;

    /// <summary>Options for the first, pass/fail evaluation: flag output, <c>format</c> asserted as CSAF requires.</summary>
    public static EvaluationOptions Verdict { get; } = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
    };

    /// <summary>Options for explaining a failed evaluation: hierarchical output, <c>format</c> asserted.</summary>
    public static EvaluationOptions Explanation { get; } = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    /// <summary>
    /// Evaluates an instance: a quick pass/fail first, and only for an invalid instance the detailed
    /// evaluation that says where and why (most documents are valid, and the details cost several times more).
    /// </summary>
    public static EvaluationResults Evaluate(JsonSchema schema, JsonElement instance)
    {
        var verdict = schema.Evaluate(instance, Verdict);
        return verdict.IsValid ? verdict : schema.Evaluate(instance, Explanation);
    }

    private sealed record Catalog(JsonSchema Csaf, JsonSchema Provider, JsonSchema CvssV2, JsonSchema CvssV30, JsonSchema CvssV31);

    private static Catalog Build()
    {
        var registry = new SchemaRegistry { Fetch = static (uri, _) => throw new InvalidOperationException($"Schema {uri} is not shipped; nothing is fetched at run time.") };
        // Every schema is built in the dialect its $schema names (JsonSchema.Net's default would be its own
        // v1 dialect). FIRST's v2.0 and v3.0 schemas are draft-04, which JsonSchema.Net does not ship: the
        // keywords they use mean the same in draft-06, so they are read as draft-06 that tolerates their
        // "license" and draft-04 "id" keywords.
        var draft04 = Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#"), null, true);
        var dialects = new DialectRegistry();
        dialects.Register(draft04);
        BuildOptions In(Dialect dialect) => new() { SchemaRegistry = registry, DialectRegistry = dialects, Dialect = dialect };

        var cvssV2 = Load("cvss-v2.0.json", In(draft04), "https://www.first.org/cvss/cvss-v2.0.json");
        var cvssV30 = Load("cvss-v3.0.json", In(draft04), "https://www.first.org/cvss/cvss-v3.0.json");
        var cvssV31 = Load("cvss-v3.1.json", In(Dialect.Draft07), "https://www.first.org/cvss/cvss-v3.1.json");
        var csaf = Load("csaf_json_schema.json", In(Dialect.Draft202012), CsafId);
        var provider = Load("provider_json_schema.json", In(Dialect.Draft202012), "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json");
        return new Catalog(csaf, provider, cvssV2, cvssV30, cvssV31);

        JsonSchema Load(string file, BuildOptions buildOptions, string url)
        {
            var uri = new Uri(url);
            using var stream = typeof(CsafSchemas).Assembly.GetManifestResourceStream($"Forewarn.Csaf.Schemas.{file}")
                ?? throw new InvalidOperationException($"The embedded schema {file} is missing.");
            using var document = JsonDocument.Parse(stream);
            var schema = JsonSchema.Build(document.RootElement.Clone(), buildOptions, uri);
            if (schema.BaseUri != uri)
                registry.Register(uri, schema); // v3.1's $id carries "?20211103"; the CSAF schema refers to it without.
            return schema;
        }
    }
}
