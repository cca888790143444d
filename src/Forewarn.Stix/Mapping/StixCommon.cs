using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;

namespace Forewarn.Stix.Mapping;

/// <summary>
/// The properties every object Forewarn makes carries: type, spec_version 2.1, id, created and
/// modified, created_by_ref the programme, and exactly one TLP 2.0 marking.
/// </summary>
internal static class StixCommon
{
    public static JsonObject Object(string type, string id, DateTimeOffset created, DateTimeOffset modified, string createdBy, TlpLabel tlp)
    {
        var c = StixTime.Truncate(created);
        var m = StixTime.Truncate(modified);
        return new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created_by_ref"] = createdBy,
            ["created"] = StixTime.Format(c),
            // The spec requires modified ≥ created.
            ["modified"] = StixTime.Format(m < c ? c : m),
            ["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(tlp)),
        };
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    public static JsonObject Relationship(string type, string source, string target, DateTimeOffset at, string createdBy, TlpLabel tlp)
    {
        var o = Object("relationship", StixId.For("relationship", $"{source}/{type}/{target}"), at, at, createdBy, tlp);
        o["relationship_type"] = type;
        o["source_ref"] = source;
        o["target_ref"] = target;
        return o;
    }
}
