using System.Text.Json.Serialization;

namespace Forewarn.Server.Sightings;

/// <summary>
/// A sighting a partner reports without STIX (<c>POST /api/v1/me/sightings</c>, or the portal's
/// form): the advisory (id or reference) it may see, when it first saw exploitation, where, what it
/// saw, and optionally a sample (as text or <c>contentBase64</c>, checked as a staff sighting's is).
/// </summary>
public sealed record NewPartnerSighting(string? Advisory, DateTimeOffset? FirstSeenAt, string? SeenWhere, string? Description, NewSample? Sample);

/// <summary>
/// One of the partner's own sightings as the partner sees it: over TAXII (<c>channel</c> <c>taxii</c>),
/// through the API or in the portal. Never the sample's trace: whom a trace names is for the
/// programme's staff alone.
/// </summary>
public sealed record MySightingDto(
    Guid Id,
    string StixId,
    Guid AdvisoryId,
    string Advisory,
    string Channel,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? LastSeenAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SeenWhere,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReportedBy,
    DateTimeOffset RecordedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SampleDto? Sample);
