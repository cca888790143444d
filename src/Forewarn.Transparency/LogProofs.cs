using System.Text.Json.Nodes;
using System.Text.Json;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency;

/// <summary>
/// An RFC 9162 inclusion proof as the log's API and receipts carry it:
/// <c>{"index":I,"size":N,"leaf_hash":"&lt;b64&gt;","hashes":["&lt;b64&gt;",…]}</c>.
/// </summary>
public sealed record InclusionProof(long Index, long Size, byte[] LeafHash, IReadOnlyList<byte[]> Hashes)
{
    public JsonObject ToJson() => new()
    {
        ["index"] = Index,
        ["size"] = Size,
        ["leaf_hash"] = Convert.ToBase64String(LeafHash),
        ["hashes"] = LogJson.Hashes(Hashes),
    };

    /// <summary>Reads a proof; throws <see cref="FormatException"/> with a sentence saying what is wrong.</summary>
    public static InclusionProof Parse(JsonNode? json)
    {
        var o = LogJson.Object(json, "An inclusion proof");
        return new InclusionProof(LogJson.Long(o, "index"), LogJson.Long(o, "size"), LogJson.Hash(o, "leaf_hash"), LogJson.HashList(o, "hashes"));
    }
}

/// <summary>An RFC 9162 consistency proof: <c>{"from":M,"to":N,"hashes":["&lt;b64&gt;",…]}</c>.</summary>
public sealed record ConsistencyProof(long From, long To, IReadOnlyList<byte[]> Hashes)
{
    public JsonObject ToJson() => new() { ["from"] = From, ["to"] = To, ["hashes"] = LogJson.Hashes(Hashes) };

    public static ConsistencyProof Parse(JsonNode? json)
    {
        var o = LogJson.Object(json, "A consistency proof");
        return new ConsistencyProof(LogJson.Long(o, "from"), LogJson.Long(o, "to"), LogJson.HashList(o, "hashes"));
    }
}

/// <summary>Reading the log's JSON strictly, with sentences for what is wrong.</summary>
internal static class LogJson
{
    public static JsonArray Hashes(IEnumerable<byte[]> hashes) => [.. hashes.Select(h => (JsonNode)Convert.ToBase64String(h))];

    public static JsonObject Object(JsonNode? json, string what) =>
        json as JsonObject ?? throw new FormatException($"{what} is a JSON object.");

    public static long Long(JsonObject o, string name)
    {
        if (o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n) && n >= 0) return n;
        throw new FormatException($"\"{name}\" is a whole number, 0 or more.");
    }

    public static byte[] Hash(JsonObject o, string name) => Base64Hash(o[name], $"\"{name}\"");

    public static List<byte[]> HashList(JsonObject o, string name) =>
        o[name] is JsonArray a ? [.. a.Select((h, i) => Base64Hash(h, $"\"{name}\"[{i}]"))] : throw new FormatException($"\"{name}\" is an array of base64 hashes.");

    public static string Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw new FormatException($"\"{name}\" is a string.");

    private static byte[] Base64Hash(JsonNode? node, string what)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                var bytes = Convert.FromBase64String(v.GetValue<string>());
                if (bytes.Length == MerkleHash.Size) return bytes;
            }
            catch (FormatException)
            {
            }
        }
        throw new FormatException($"{what} is a SHA-256 hash in base64 (32 bytes).");
    }
}
