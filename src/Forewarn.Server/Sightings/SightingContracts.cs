using System.Text.Json.Serialization;
using Forewarn.Domain.Sightings;

namespace Forewarn.Server.Sightings;

/// <summary>
/// A sighting staff record. <c>advisory</c> is the advisory's reference or id, or a CVE id one of
/// the programme's advisories names. The sample, if any, is text (<c>text</c>) or a file as base64
/// (<c>contentBase64</c>), as an artifact is uploaded.
/// </summary>
public sealed record NewSighting(string? Advisory, DateTimeOffset? FirstObservedAt, string? Source, string? Url, string? Confidence,
    string? Description, NewSample? Sample, IReadOnlyList<string>? Indicators);

/// <summary>A sample found in the wild: UTF-8 text or code, at most 256 KiB.</summary>
public sealed record NewSample(string? Text, string? ContentBase64, string? FileName, string? MediaType);

/// <summary>Break the advisory's embargo because of this sighting (its id, of either kind), for this reason.</summary>
public sealed record EmbargoBreak(string? Sighting, string? Reason);

/// <summary>A sample as staff see it: its labels, size and SHA-256 (the bytes are at <c>/sightings/{id}/sample</c>).</summary>
public sealed record SampleDto(string? FileName, string MediaType, long Size, string Sha256);

/// <summary>What only a partner's STIX sighting has: its STIX id, the object sighted, how often, its version and how many versions came.</summary>
public sealed record StixSightingDto(string StixId, string SightingOf, int? Count, DateTimeOffset Modified, int Versions);

/// <summary>
/// One sighting of either kind in one shape: <c>staff</c> (recorded by staff from elsewhere) or
/// <c>partner</c> (sent by a partner over TAXII). <c>firstObservedAt</c> is the staff sighting's
/// first observation or the partner's <c>first_seen</c>; <c>reportedBy</c> is the staff member or
/// the partner; <c>recordedAt</c> when the programme learned of it. A partner's sighting reported through
/// the API or the portal (<c>channel</c> <c>api</c>, <c>portal</c>) also has its description, where it was
/// seen, and its sample with the sample's trace — which staff see and the partner never does.
/// </summary>
public sealed record SightingDto(
    Guid Id,
    string Kind,
    Guid AdvisoryId,
    string Advisory,
    DateTimeOffset? FirstObservedAt,
    DateTimeOffset? LastSeenAt,
    string Source,
    string? SourceUrl,
    string? Confidence,
    string? Description,
    string ReportedBy,
    Guid? PartnerId,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> Indicators,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SampleDto? Sample,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SampleTrace? Trace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StixSightingDto? Stix,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SeenWhere = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Channel = null);
