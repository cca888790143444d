using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;

namespace Forewarn.Stix;

/// <summary>
/// A partner's report that it saw one of our objects (a STIX 2.1 <c>sighting</c>), checked before
/// anything believes it.
/// </summary>
public sealed record StixSighting(
    string Id,
    string SightingOfRef,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    int? Count,
    IReadOnlyList<string> WhereSightedRefs,
    string? Description)
{
    private const int MaxCount = 999_999_999;
    private const int MaxDescription = 10_000;

    /// <summary>What a sighting cannot be of: STIX relationship and meta objects (sighting_of_ref names an SDO).</summary>
    private static readonly HashSet<string> NotSightable =
        ["relationship", "sighting", "marking-definition", "language-content", "extension-definition", "bundle"];

    /// <summary>
    /// Reads an inbound sighting. <paramref name="ours"/> are the ids of the objects we published:
    /// a sighting of anything else is refused.
    /// </summary>
    /// <exception cref="DomainException"><c>invalid-stix</c> with a sentence saying what is wrong.</exception>
    public static StixSighting Read(JsonNode? node, IReadOnlySet<string> ours)
    {
        ArgumentNullException.ThrowIfNull(ours);
        if (node is not JsonObject o)
            throw Invalid("A sighting must be a JSON object.");
        var type = Text(o, "type");
        if (type != "sighting")
            throw Invalid($"Only sightings are accepted here, not '{type ?? "an object without a type"}'.");
        if (Text(o, "spec_version") != "2.1")
            throw Invalid("The sighting must say spec_version \"2.1\".");
        var id = Text(o, "id");
        if (!StixId.IsWellFormed(id) || StixId.TypeOf(id!) != "sighting")
            throw Invalid($"'{id}' is not a sighting id (sighting--<UUID>).");
        var of = Text(o, "sighting_of_ref");
        if (!StixId.IsWellFormed(of))
            throw Invalid($"sighting_of_ref '{of}' is not a STIX id.");
        if (NotSightable.Contains(StixId.TypeOf(of!)))
            throw Invalid($"sighting_of_ref must name a STIX domain object (an indicator, vulnerability, note, report…), not a {StixId.TypeOf(of!)}.");
        // The same sentence whether the object does not exist or exists but is not open to the
        // sender: a sighting must never tell anyone what else the programme holds.
        if (!ours.Contains(of!))
            throw Invalid($"sighting_of_ref {of} is an unknown object: it is none of the objects shared with you.");
        if (o.ContainsKey("created_by_ref") && !(Text(o, "created_by_ref") is { } by && StixId.IsWellFormed(by) && StixId.TypeOf(by) == "identity"))
            throw Invalid("created_by_ref must be an identity id.");
        if (o.ContainsKey("summary") && o["summary"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            throw Invalid("summary must be true or false.");
        var created = Time(o, "created") ?? throw Invalid("The sighting has no created timestamp.");
        var modified = Time(o, "modified") ?? throw Invalid("The sighting has no modified timestamp.");
        if (modified < created)
            throw Invalid("The sighting's modified time lies before its created time.");
        var first = Time(o, "first_seen");
        var last = Time(o, "last_seen");
        if (first is { } f && last is { } l && l < f)
            throw Invalid("last_seen lies before first_seen.");
        return new StixSighting(id!, of!, created, modified, first, last, CountOf(o), WhereSighted(o), DescriptionOf(o));
    }

    private static DomainException Invalid(string sentence) => new("invalid-stix", sentence);

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static DateTimeOffset? Time(JsonObject o, string name)
    {
        if (!o.ContainsKey(name)) return null;
        var text = Text(o, name);
        return StixTime.TryParse(text, out var at) ? at : throw Invalid($"{name} '{o[name]?.ToJsonString()}' is not a STIX timestamp (RFC 3339, UTC, ending in Z).");
    }

    private static int? CountOf(JsonObject o)
    {
        if (!o.ContainsKey("count")) return null;
        return o["count"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n is >= 0 and <= MaxCount
            ? n
            : throw Invalid($"count must be a whole number from 0 to {MaxCount}.");
    }

    private static IReadOnlyList<string> WhereSighted(JsonObject o)
    {
        if (!o.ContainsKey("where_sighted_refs")) return [];
        if (o["where_sighted_refs"] is not JsonArray refs || refs.Count == 0)
            throw Invalid("where_sighted_refs must be a non-empty list of identity or location ids.");
        return [.. refs.Select(r =>
        {
            var id = r is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            return StixId.IsWellFormed(id) && StixId.TypeOf(id!) is "identity" or "location"
                ? id!
                : throw Invalid($"where_sighted_refs entry {r?.ToJsonString() ?? "null"} is not an identity or location id.");
        })];
    }

    private static string? DescriptionOf(JsonObject o)
    {
        if (!o.ContainsKey("description")) return null;
        var d = Text(o, "description") ?? throw Invalid("description must be a string.");
        return d.Length <= MaxDescription ? d : throw Invalid($"description is longer than {MaxDescription} characters.");
    }
}
