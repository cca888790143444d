using System.Text.Json.Nodes;

namespace Forewarn.Cli.Input;

/// <summary>Small pieces for building request bodies.</summary>
public static class Body
{
    public static JsonArray Strings(IEnumerable<string>? values) =>
        [.. (values ?? []).Select(v => (JsonNode?)JsonValue.Create(v))];

    /// <summary>Adds the property only when there is a value, so the server's defaults apply otherwise.</summary>
    public static JsonObject With(this JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) body[name] = value;
        return body;
    }
}
