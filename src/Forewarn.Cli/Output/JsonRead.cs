using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forewarn.Cli.Output;

/// <summary>
/// Reads server JSON for display without a shared DTO assembly: missing fields read as empty,
/// so a server that adds fields never breaks the command line.
/// </summary>
public static class JsonRead
{
    /// <summary>A field as display text: strings as-is, numbers invariant, arrays comma-joined.</summary>
    public static string Text(this JsonNode? node, string property) => Plain(node?[property]);

    public static string Plain(JsonNode? node) => node switch
    {
        null => "",
        JsonArray list => string.Join(", ", list.Select(Plain).Where(s => s.Length > 0)),
        JsonObject obj => obj.ToJsonString(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.Null => "",
            _ => v.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string property) => Items(node?[property]);

    public static IEnumerable<JsonNode> Items(JsonNode? node) =>
        node is JsonArray list ? list.Where(n => n is not null).Select(n => n!) : [];

    public static bool Flag(this JsonNode? node, string property) =>
        node?[property] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static int Count(this JsonNode? node, string property) =>
        node?[property] is JsonArray list ? list.Count : 0;

    /// <summary>A whole-number field (a count); 0 when absent or not a whole number.</summary>
    public static long Number(this JsonNode? node, string property) =>
        node?[property] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : 0;

    /// <summary>A time field as "2025-07-08 17:00 UTC"; empty when absent, as sent when unparsable.</summary>
    public static string Time(this JsonNode? node, string property) => FormatTime(Text(node, property));

    public static string FormatTime(string text)
    {
        if (text.Length == 0) return "";
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            return text;
        t = t.ToUniversalTime();
        var format = t.Second == 0 && t.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
        return t.ToString(format, CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>Reads like "5 d" or "12 h" from a day count such as 5 or 0.5.</summary>
    public static string Days(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return Plain(node);
        var days = v.GetValue<double>();
        if (days == 0) return "at release";
        if (Math.Abs(days - Math.Round(days)) < 1e-9)
            return days.ToString("0", CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");
        return (days * 24).ToString("0.#", CultureInfo.InvariantCulture) + " h";
    }
}
