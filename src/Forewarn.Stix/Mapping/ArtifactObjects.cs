using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Stix.Patterns;

namespace Forewarn.Stix.Mapping;

/// <summary>
/// The objects of one artifact, by content class: notes for notices, descriptions and PoCs, a
/// course-of-action for a mitigation, indicators for detection and indicator content (with a note
/// when the text yields no pattern). All carry the artifact's TLP label.
/// </summary>
internal sealed class ArtifactObjects(Advisory advisory, IReadOnlyList<string> vulnerabilityIds, string reportId, string createdBy)
{
    private static readonly string[] IndicatorTypes = ["malicious-activity"];

    public IReadOnlyList<JsonObject> Map(StixArtifact input)
    {
        var artifact = input.Artifact;
        var text = ArtifactText.Read(input.Content.Bytes);
        var shown = input.Fingerprinted ? OwnCopy(artifact, CopyObjectId(input) is not null) : text;
        return artifact.Class switch
        {
            ContentClass.Notice or ContentClass.Description => [Note(artifact, shown, [])],
            ContentClass.Mitigation => Mitigation(artifact, shown),
            ContentClass.Poc => [Note(artifact, shown, ["poc"])],
            ContentClass.Detection or ContentClass.Indicators => Indicators(input, text, shown),
            _ => [Note(artifact, shown, [])],
        };
    }

    /// <summary>
    /// The id of the object that carries the text of a fingerprinted artifact whose copies travel
    /// (the note, or a mitigation's course-of-action); null when no copy travels: the artifact is
    /// not fingerprinted, its copies stay behind, or its content is binary.
    /// </summary>
    public static string? CopyObjectId(StixArtifact input)
    {
        if (!input.Fingerprinted || !input.CopyTravels || ArtifactText.Read(input.Content.Bytes) is null) return null;
        var artifact = input.Artifact;
        return artifact.Class == ContentClass.Mitigation
            ? StixId.For("course-of-action", $"artifact/{artifact.Id}")
            : StixId.For("note", $"artifact/{artifact.Id}");
    }

    private JsonObject Common(string type, string id, Artifact artifact) =>
        StixCommon.Object(type, id, artifact.CreatedAt, artifact.CreatedAt, createdBy, artifact.Tlp);

    private JsonObject Note(Artifact artifact, string? text, IReadOnlyList<string> labels)
    {
        var o = Common("note", StixId.For("note", $"artifact/{artifact.Id}"), artifact);
        if (labels.Count > 0) o["labels"] = StixCommon.Strings(labels);
        o["abstract"] = artifact.Title;
        o["content"] = Content(artifact, text);
        o["object_refs"] = StixCommon.Strings([.. vulnerabilityIds, reportId]);
        return o;
    }

    private IReadOnlyList<JsonObject> Mitigation(Artifact artifact, string? text)
    {
        var o = Common("course-of-action", StixId.For("course-of-action", $"artifact/{artifact.Id}"), artifact);
        o["name"] = artifact.Title;
        o["description"] = Content(artifact, text);
        var id = (string)o["id"]!;
        return [o, .. vulnerabilityIds.Select(v => StixCommon.Relationship("mitigates", id, v, artifact.CreatedAt, createdBy, artifact.Tlp))];
    }

    private IReadOnlyList<JsonObject> Indicators(StixArtifact input, string? text, string? shown)
    {
        var artifact = input.Artifact;
        if (text is null) return [Note(artifact, null, [])];
        var (rules, rest) = SignatureRules.Find(text);
        var candidates = rules.Select(r => (Type: r.PatternType, r.Name, r.Pattern, Comment: (string?)null))
            .Concat(ObservableExtraction.From(rest).Select(o => (Type: "stix", Name: $"{o.Label} {o.Value}", Pattern: StixPattern.For(o), o.Comment)))
            .DistinctBy(c => (c.Type, c.Pattern))
            .ToList();
        var validFrom = input.OpensAt ?? advisory.CreatedAt;
        var objects = new List<JsonObject>();
        // Detection guidance is prose as much as rules: it always travels as a note too.
        if (candidates.Count == 0 || artifact.Class == ContentClass.Detection) objects.Add(Note(artifact, shown, []));
        foreach (var c in candidates)
        {
            var o = Common("indicator", StixId.For("indicator", $"artifact/{artifact.Id}/{c.Type}/{c.Pattern}"), artifact);
            o["name"] = Shorten(c.Name, 300);
            o["description"] = c.Comment is null ? artifact.Title : $"{artifact.Title}: {c.Comment}";
            o["indicator_types"] = StixCommon.Strings(IndicatorTypes);
            o["pattern"] = c.Pattern;
            o["pattern_type"] = c.Type;
            if (c.Type == "stix") o["pattern_version"] = "2.1";
            o["valid_from"] = StixTime.Format(validFrom);
            objects.Add(o);
            var id = (string)o["id"]!;
            objects.AddRange(vulnerabilityIds.Select(v => StixCommon.Relationship("indicates", id, v, artifact.CreatedAt, createdBy, artifact.Tlp)));
        }
        return objects;
    }

    /// <summary>Where a partner finds its own, individually fingerprinted copy: in an object of its own, or through the API only.</summary>
    private static string OwnCopy(Artifact artifact, bool travels) =>
        $"{artifact.Title}: every partner's copy of this {artifact.Class.Describe()} is individually fingerprinted, so one text for all is not carried "
        + (travels
            ? "in STIX: each partner's collection carries its own copy in an object of its own, and the Forewarn API serves the same copy: "
            : "in STIX. Fetch your own copy through the Forewarn API: ")
        + $"GET /api/v1/me/artifacts/{artifact.Id}/content (artifact {artifact.Id}, SHA-256 of the original {artifact.Sha256}).";

    // Binary content is never copied into STIX: the object says where to get it.
    private static string Content(Artifact artifact, string? text) =>
        !string.IsNullOrWhiteSpace(text)
            ? text
            : text is null
                ? $"{artifact.Title}: {artifact.Class.Describe()} content ({artifact.MediaType}, {artifact.Size} bytes, SHA-256 {artifact.Sha256}"
                    + $"{(artifact.FileName is null ? "" : ", file " + artifact.FileName)}) is available through the Forewarn API as artifact {artifact.Id}."
                : artifact.Title;

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
