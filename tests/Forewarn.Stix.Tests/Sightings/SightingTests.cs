using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Stix.Tests.Schema;

namespace Forewarn.Stix.Tests.Sightings;

public sealed class SightingTests
{
    private static readonly string Ours = StixId.For("indicator", "ours");
    private static readonly HashSet<string> Known = [Ours];

    private static JsonObject Sighting() => new()
    {
        ["type"] = "sighting",
        ["spec_version"] = "2.1",
        ["id"] = "sighting--6b0e3856-95f3-4c04-a882-116832996da0",
        ["created"] = "2026-03-05T10:00:00.000Z",
        ["modified"] = "2026-03-05T10:00:00.000Z",
        ["sighting_of_ref"] = Ours,
        ["first_seen"] = "2026-03-04T22:00:00Z",
        ["last_seen"] = "2026-03-05T01:00:00Z",
        ["count"] = 3,
        ["where_sighted_refs"] = new JsonArray("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"),
        ["description"] = "Seen at two web front ends.",
    };

    [Fact]
    public void A_valid_sighting_of_our_indicator_is_read()
    {
        var node = Sighting();
        StixSchemas.AssertValid(node);
        var s = StixSighting.Read(node, Known);
        Assert.Equal(Ours, s.SightingOfRef);
        Assert.Equal(3, s.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 22, 0, 0, TimeSpan.Zero), s.FirstSeen);
        Assert.Equal(["identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"], s.WhereSightedRefs);
        Assert.Equal("Seen at two web front ends.", s.Description);
    }

    public static TheoryData<string, JsonNode?> Refused() => new()
    {
        { "type", new JsonObject { ["type"] = "indicator" } },
        { "ours", new JsonObject { ["sighting_of_ref"] = StixId.For("indicator", "theirs") } },
        { "form", new JsonObject { ["sighting_of_ref"] = "indicator--nope" } },
        { "id", new JsonObject { ["id"] = "indicator--6b0e3856-95f3-4c04-a882-116832996da0" } },
        { "count", new JsonObject { ["count"] = -1 } },
        { "order", new JsonObject { ["last_seen"] = "2026-03-01T00:00:00Z" } },
        { "time", new JsonObject { ["first_seen"] = "yesterday" } },
        { "where", new JsonObject { ["where_sighted_refs"] = new JsonArray("indicator--6b0e3856-95f3-4c04-a882-116832996da0") } },
        { "spec", new JsonObject { ["spec_version"] = "2.0" } },
        { "sro", new JsonObject { ["sighting_of_ref"] = "relationship--6b0e3856-95f3-4c04-a882-116832996da0" } },
        { "marking", new JsonObject { ["sighting_of_ref"] = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487" } },
        { "by", new JsonObject { ["created_by_ref"] = "indicator--6b0e3856-95f3-4c04-a882-116832996da0" } },
        { "summary", new JsonObject { ["summary"] = "yes" } },
        { "modified", new JsonObject { ["modified"] = "2026-03-05T09:00:00.000Z" } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Other_types_foreign_refs_and_malformed_fields_are_refused(string why, JsonNode? change)
    {
        var node = Sighting();
        foreach (var (key, value) in change!.AsObject()) node[key] = value?.DeepClone();
        var e = Assert.Throws<DomainException>(() => StixSighting.Read(node, Known));
        Assert.Equal("invalid-stix", e.Code);
        Assert.False(string.IsNullOrWhiteSpace(e.Message), why);
    }

    [Fact]
    public void Not_an_object_is_refused() =>
        Assert.Equal("invalid-stix", Assert.Throws<DomainException>(() => StixSighting.Read(JsonNode.Parse("[1]"), Known)).Code);

    [Fact]
    public void A_sighting_of_something_not_shared_names_it_unknown_whether_it_exists_or_not()
    {
        var hidden = Sighting();
        hidden["sighting_of_ref"] = StixId.For("note", "exists but is not open to this partner");
        var nothing = Sighting();
        nothing["sighting_of_ref"] = StixId.For("note", "never existed");
        var a = Assert.Throws<DomainException>(() => StixSighting.Read(hidden, Known)).Message;
        var b = Assert.Throws<DomainException>(() => StixSighting.Read(nothing, Known)).Message;
        Assert.Contains("unknown object", a, StringComparison.Ordinal);
        Assert.Equal(a.Replace((string)hidden["sighting_of_ref"]!, "X", StringComparison.Ordinal),
            b.Replace((string)nothing["sighting_of_ref"]!, "X", StringComparison.Ordinal));
    }

    [Fact]
    public void Optional_created_by_ref_and_summary_are_accepted_when_well_formed()
    {
        var node = Sighting();
        node["created_by_ref"] = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
        node["summary"] = false;
        StixSchemas.AssertValid(node);
        Assert.Equal(Ours, StixSighting.Read(node, Known).SightingOfRef);
    }
}
