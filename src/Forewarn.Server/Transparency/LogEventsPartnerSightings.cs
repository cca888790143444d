using Forewarn.Domain.Sightings;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

public static partial class LogEvents
{
    /// <summary>
    /// A sighting a partner reported through the API or the portal: a <c>sighting.recorded</c> entry like a
    /// staff sighting's, naming the partner in a field but not as its subject — its sample's trace may
    /// name partners, so the entry is not among any partner's own entries. The sample's SHA-256, size
    /// and labels, never its bytes; the actor is the key or the portal user by id.
    /// </summary>
    public static LogEvent PartnerSightingRecorded(Sighting sighting, string reference, Actor actor) =>
        LogEvent.Of(LogKinds.SightingRecorded, sighting.ReceivedAt, null, null,
        [
            Field("sighting", sighting.Id.ToString()),
            Field("stix_id", sighting.StixId),
            Field("advisory", sighting.AdvisoryId.Value.ToString()),
            Field("reference", reference),
            Field("partner", sighting.PartnerId.Value.ToString()),
            Field("channel", sighting.Channel),
            Field("first_seen", Time(sighting.FirstSeen)),
            Field("seen_where", sighting.SeenWhere),
            Field("description", sighting.Description),
            Field("sample_sha256", sighting.SampleSha256),
            Field("sample_size", sighting.SampleSize),
            Field("sample_file_name", sighting.SampleFileName),
            Field("sample_media_type", sighting.SampleMediaType),
            Field("trace", sighting.Trace is { } t ? TraceFields(t) : null),
            .. By(actor),
        ]);
}
