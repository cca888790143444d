using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>
/// Defensive reading of a document that may not match the schema: a missing property or a value of
/// the wrong kind reads as absent instead of throwing.
/// </summary>
internal static class JsonReading
{
    /// <summary>The property's value when <paramref name="node"/> is an object that has it.</summary>
    public static JsonNode? Get(this JsonNode? node, string property) =>
        node is JsonObject o && o.TryGetPropertyValue(property, out var value) ? value : null;

    /// <summary>Whether <paramref name="node"/> is an object with the property (even when it is null).</summary>
    public static bool Has(this JsonNode? node, string property) => node is JsonObject o && o.ContainsKey(property);

    /// <summary>The string value, or null when the node is not a JSON string.</summary>
    public static string? Text(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The number, or null when the node is not a JSON number.</summary>
    public static double? Number(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var number) ? number : null;

    /// <summary>The items of an array with their index; nothing when the node is not an array.</summary>
    public static IEnumerable<(JsonNode? Item, int Index)> Items(this JsonNode? node) =>
        node is JsonArray a ? a.Select((item, i) => (item, i)) : [];

    /// <summary>The string items of an array with their pointers; other items are skipped.</summary>
    public static IEnumerable<(string Value, string Pointer)> Texts(this JsonNode? node, string pointer)
    {
        foreach (var (item, i) in node.Items())
            if (item.Text() is { } text)
                yield return (text, pointer.Index(i));
    }
}
