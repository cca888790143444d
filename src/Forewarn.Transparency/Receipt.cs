using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Forewarn.Transparency.Entries;

namespace Forewarn.Transparency;

/// <summary>
/// What a partner keeps for each content download: the log entry (canonical JSON, RFC 8785), its
/// index, its inclusion proof and the signed checkpoint the proof leads to. With the log's
/// published key, anyone can check it offline (<see cref="LogVerifier.Receipt"/>):
/// <c>{"index":I,"entry":{…},"inclusion":{…},"checkpoint":"&lt;signed note&gt;"}</c>.
/// </summary>
public sealed record Receipt(long Index, byte[] Entry, InclusionProof Inclusion, string Checkpoint)
{
    public JsonObject ToJson() => new()
    {
        ["index"] = Index,
        ["entry"] = JsonNode.Parse(Entry),
        ["inclusion"] = Inclusion.ToJson(),
        ["checkpoint"] = Checkpoint,
    };

    /// <summary>
    /// The receipt as compact JSON, written straight from the entry's canonical bytes (no parsing):
    /// what every download carries, so it is made without a detour through a JSON tree.
    /// </summary>
    public byte[] ToUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(Entry.Length + Checkpoint.Length * 2 + 48 * (Inclusion.Hashes.Count + 4));
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("index", Index);
            w.WritePropertyName("entry");
            w.WriteRawValue(Entry, skipInputValidation: true);
            w.WriteStartObject("inclusion");
            w.WriteNumber("index", Inclusion.Index);
            w.WriteNumber("size", Inclusion.Size);
            w.WriteBase64String("leaf_hash", Inclusion.LeafHash);
            w.WriteStartArray("hashes");
            foreach (var h in Inclusion.Hashes) w.WriteBase64StringValue(h);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("checkpoint", Checkpoint);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public string ToText() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Reads a receipt; the entry is taken in its canonical form, whatever spacing the file has.</summary>
    public static Receipt Parse(string text)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The receipt is not JSON: {e.Message}");
        }
        var o = LogJson.Object(json, "A receipt");
        if (o["entry"] is not JsonObject entry) throw new FormatException("\"entry\" is the log entry, a JSON object.");
        return new Receipt(LogJson.Long(o, "index"), Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(entry.ToJsonString())),
            InclusionProof.Parse(o["inclusion"]), LogJson.Text(o, "checkpoint"));
    }
}
