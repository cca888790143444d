using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Stix;

/// <summary>The STIX objects of one advisory, each tied to the artifact it came from.</summary>
public sealed class StixObjectSet(IReadOnlyList<StixEntry> entries)
{
    /// <summary>Every object: identity and advisory-level objects first, then each artifact's.</summary>
    public IReadOnlyList<StixEntry> Entries { get; } = entries;

    /// <summary>The objects of the advisory itself (identity, vulnerabilities, report).</summary>
    public IEnumerable<JsonObject> OfAdvisory => Entries.Where(e => e.Artifact is null).Select(e => e.Object);

    /// <summary>The objects that came from <paramref name="artifact"/>.</summary>
    public IEnumerable<JsonObject> Of(ArtifactId artifact) => Entries.Where(e => e.Artifact == artifact).Select(e => e.Object);

    /// <summary>The ids of all objects, for checking what inbound objects refer to.</summary>
    public IReadOnlySet<string> Ids => Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What a recipient entitled to some artifacts gets: the advisory's objects, the objects of the
    /// artifacts <paramref name="entitled"/> admits, and the TLP marking definitions they refer to.
    /// </summary>
    public IReadOnlyList<JsonObject> Visible(Func<ArtifactId, bool> entitled)
    {
        var chosen = Entries.Where(e => e.Artifact is not { } a || entitled(a)).Select(e => e.Object).ToList();
        var markings = chosen.SelectMany(o => o["object_marking_refs"]?.AsArray() ?? [])
            .Select(r => TlpMarkings.LabelOf((string?)r)).OfType<TlpLabel>().Distinct().Order()
            .Select(TlpMarkings.Definition);
        return [.. markings, .. chosen];
    }

    /// <summary>
    /// A STIX bundle of copies of <paramref name="objects"/>. Its id is derived from the objects'
    /// ids and versions, so the same content always makes the same bundle.
    /// </summary>
    public static JsonObject Bundle(IEnumerable<JsonObject> objects)
    {
        var list = objects.Select(o => o.DeepClone().AsObject()).ToList();
        var name = string.Join("\n", list.Select(o => $"{o["id"]}@{o["modified"] ?? o["created"]}"));
        return new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = StixId.For("bundle", name),
            ["objects"] = new JsonArray([.. list]),
        };
    }
}
