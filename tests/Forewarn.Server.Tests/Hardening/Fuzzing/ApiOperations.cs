using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Hardening.Fuzzing;

/// <summary>A parameter of an operation: where it goes (path or query), its name and its schema.</summary>
public sealed record ApiParameter(string In, string Name, JsonObject Schema);

/// <summary>One operation of the OpenAPI document, its $refs resolved.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonObject? Body)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>The operations a partner's key calls (its own records, TAXII); every other one is staff's.</summary>
    public bool IsPartners => Path.StartsWith("/api/v1/me", StringComparison.Ordinal) || IsTaxii;

    /// <summary>TAXII 2.1 answers its errors as TAXII error messages, not RFC 9457 problems.</summary>
    public bool IsTaxii => Path.StartsWith("/taxii2", StringComparison.Ordinal);

    /// <summary>Every operation of an OpenAPI 3.x document, in document order.</summary>
    public static IReadOnlyList<ApiOperation> From(JsonNode document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                var parameters = (op!["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter((string)p!["in"]!, (string)p["name"]!, Resolve(p["schema"]?.AsObject(), schemas) ?? []))
                    .Where(p => p.In is "path" or "query")
                    .ToList();
                var body = Resolve(op["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject(), schemas);
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, body));
            }
        }
        return operations;
    }

    // Inline every $ref (to a bounded depth: schemas may refer to themselves).
    private static JsonObject? Resolve(JsonObject? schema, JsonObject? schemas, int depth = 0)
    {
        if (schema is null) return null;
        if (schema["$ref"] is JsonValue reference && schemas is not null && depth < 8)
        {
            var name = ((string)reference!).Split('/')[^1];
            return Resolve(schemas[name]?.AsObject(), schemas, depth + 1) ?? [];
        }
        var copy = new JsonObject();
        foreach (var (key, value) in schema)
        {
            copy[key] = value switch
            {
                JsonObject o when key is "items" or "additionalProperties" => Resolve(o, schemas, depth + 1),
                JsonObject o when key == "properties" => new JsonObject(o.Select(p =>
                    KeyValuePair.Create(p.Key, (JsonNode?)Resolve(p.Value as JsonObject, schemas, depth + 1)))),
                JsonArray a when key is "oneOf" or "anyOf" or "allOf" => new JsonArray([.. a.Select(s => (JsonNode?)Resolve(s as JsonObject, schemas, depth + 1))]),
                _ => value?.DeepClone(),
            };
        }
        return copy;
    }
}
