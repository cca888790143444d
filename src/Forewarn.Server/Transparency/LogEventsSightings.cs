using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of an investigation's start: a sighting staff recorded, and an embargo broken because
/// of one. Neither names a partner as its subject — not even one a sample's trace accused — so
/// neither shows in a partner's own entries and a suspect is not tipped off.
/// </summary>
public static partial class LogEvents
{
    /// <summary>A staff sighting: what was recorded, the sample's SHA-256, size and labels (never its bytes), and the trace's outcome.</summary>
    public static LogEvent SightingRecorded(StaffSighting sighting, string reference, Actor actor) =>
        LogEvent.Of(LogKinds.SightingRecorded, sighting.RecordedAt, null, null,
        [
            Field("sighting", sighting.Id.ToString()),
            Field("advisory", sighting.AdvisoryId.Value.ToString()),
            Field("reference", reference),
            Field("first_observed", LogEvent.Time(sighting.FirstObservedAt)),
            Field("source", sighting.Source),
            Field("source_url", sighting.SourceUrl),
            Field("confidence", sighting.Confidence.Name()),
            Field("description", sighting.Description),
            Field("indicators", Strings(sighting.Indicators)),
            Field("sample_sha256", sighting.SampleSha256),
            Field("sample_size", sighting.SampleSize),
            Field("sample_file_name", sighting.SampleFileName),
            Field("sample_media_type", sighting.SampleMediaType),
            Field("trace", sighting.Trace is { } t ? TraceFields(t) : null),
            .. By(actor),
        ]);

    /// <summary>The embargo was broken: the advisory, the sighting that moved staff to it, the release time before and now, and who was told.</summary>
    public static LogEvent EmbargoBroken(Advisory advisory, DateTimeOffset releaseBefore, Guid sighting, string sightingKind, string reason,
        int told, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(LogKinds.EmbargoBroken, at, null, null,
        [
            Field("advisory", advisory.Id.Value.ToString()),
            Field("reference", advisory.Reference),
            Field("sighting", sighting.ToString()),
            Field("sighting_kind", sightingKind),
            Field("release_before", LogEvent.Time(releaseBefore)),
            Field("release_at", LogEvent.Time(advisory.ReleaseAt)),
            Field("reason", reason),
            Field("partners_told", told),
            .. By(actor),
        ]);

    /// <summary>A sample's trace as its entry names it: per artifact the marks read and the partners named, by id only.</summary>
    private static JsonObject TraceFields(SampleTrace trace) => new()
    {
        ["artifacts"] = new JsonArray([.. trace.Artifacts.Select(a => (JsonNode)new JsonObject
        {
            ["artifact"] = a.ArtifactId.ToString(),
            ["sites"] = a.Sites,
            ["marks_read"] = a.MarksRead,
            ["epsilon"] = a.Epsilon,
            ["threshold"] = a.Threshold,
            ["accused"] = Strings(a.Accused.Select(p => p.PartnerId.ToString())),
        })]),
        ["combined"] = trace.Combined is { } all
            ? new JsonObject
            {
                ["sites"] = all.Sites,
                ["marks_read"] = all.MarksRead,
                ["threshold"] = all.Threshold,
                ["accused"] = Strings(all.Accused.Select(p => p.PartnerId.ToString())),
            }
            : null,
        ["accused"] = Strings(trace.Accused.Select(p => p.PartnerId.ToString())),
        ["verdict"] = trace.Verdict,
    };
}
