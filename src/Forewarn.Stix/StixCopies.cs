using System.Text.Json.Nodes;
using Forewarn.Domain.Common;

namespace Forewarn.Stix;

/// <summary>
/// A recipient's own marked copy of a fingerprinted artifact, as STIX. Every recipient's copy is a
/// different text, so it is a different object: its id is derived from the shared object's id and
/// the recipient (UUIDv5, the same every time), never the shared id with other content — STIX 2.1
/// identifies an object version by <c>id</c> and <c>modified</c>, and two recipients' copies exist
/// side by side, they are not versions of one another. Relationships from the shared object
/// (a course-of-action's <i>mitigates</i>) follow it to the recipient's id. Indicators, the
/// advisory's objects and everything else stay shared.
/// </summary>
public static class StixCopies
{
    /// <summary>The id of <paramref name="recipient"/>'s own copy of the shared object <paramref name="sharedId"/>.</summary>
    public static string IdOf(string sharedId, string recipient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sharedId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        return StixId.For(StixId.TypeOf(sharedId), $"{sharedId}/copy/{recipient}");
    }

    /// <summary>
    /// One artifact's entries as <paramref name="recipient"/> receives them: the object that carries
    /// the copy (<see cref="StixEntry.CarriesCopy"/>) under the recipient's own id — still pointing to
    /// the copy; <see cref="Carrying"/> puts the copy in when it is served — and the relationships
    /// from it re-sourced; every other entry as it is.
    /// </summary>
    public static IReadOnlyList<StixEntry> For(IEnumerable<StixEntry> entries, string recipient)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var own = list.Where(e => e.CarriesCopy).ToDictionary(e => e.Id, e => IdOf(e.Id, recipient), StringComparer.Ordinal);
        if (own.Count == 0) return list;
        return [.. list.Select(e =>
        {
            if (e.CarriesCopy) return e with { Object = WithId(e.Object, own[e.Id]) };
            if (e.Type == "relationship" && own.TryGetValue((string)e.Object["source_ref"]!, out var source))
            {
                var o = e.Object.DeepClone().AsObject();
                o["source_ref"] = source;
                o["id"] = StixId.For("relationship", $"{source}/{o["relationship_type"]}/{o["target_ref"]}");
                return e with { Object = o };
            }
            return e;
        })];
    }

    /// <summary>
    /// The recipient's object with its own copy: the copy whole as the note's <c>content</c> (a
    /// course-of-action's <c>description</c>), and an external reference saying that these are the
    /// bytes the partner API serves the same recipient, with their SHA-256.
    /// </summary>
    public static JsonObject Carrying(JsonObject own, ArtifactId artifact, string copy, string copySha256)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(copy);
        var o = own.DeepClone().AsObject();
        var type = (string)o["type"]!;
        o[type == "course-of-action" ? "description" : "content"] = copy;
        o["external_references"] = new JsonArray(new JsonObject
        {
            ["source_name"] = "forewarn",
            ["external_id"] = artifact.ToString(),
            ["description"] = $"Your organisation's own copy, individually fingerprinted: the same bytes as GET /api/v1/me/artifacts/{artifact}/content.",
            ["hashes"] = new JsonObject { ["SHA-256"] = copySha256 },
        });
        return o;
    }

    private static JsonObject WithId(JsonObject shared, string id)
    {
        var o = shared.DeepClone().AsObject();
        o["id"] = id;
        return o;
    }
}
