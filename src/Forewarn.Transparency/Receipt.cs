using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Transparency;

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
