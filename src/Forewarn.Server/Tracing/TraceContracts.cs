using System.Text.Json.Serialization;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Tracing;

/// <summary>
/// A request to trace a leak: the leaked text, the artifact it is a copy of (found automatically
/// when absent) and ε, the bound on the chance of naming anyone innocent (default 10⁻⁶).
/// </summary>
public sealed record TraceRequest(string? ArtifactId, string? Leaked, double? Epsilon);

/// <summary>One partner's score against the leaked copy.</summary>
public sealed record TraceScoreDto(Guid PartnerId, string PartnerName, double Score);

/// <summary>An artifact considered when none was given: how much the leak resembles it and how many of its marks it reads.</summary>
public sealed record TraceCandidateDto(Guid ArtifactId, string AdvisoryReference, string ArtifactTitle, string Method,
    int Sites, int MarksRead, double Similarity);

/// <summary>
/// What a trace found. <c>threshold</c> is null when no mark was read (no score can then name
/// anyone). <c>candidates</c> is present only when the artifact was found automatically, most
/// likely first, the chosen one at the top.
/// </summary>
public sealed record TraceDto(
    Guid ArtifactId,
    string AdvisoryReference,
    string ArtifactTitle,
    string Method,
    int Sites,
    int MarksRead,
    int Population,
    double Epsilon,
    double? Threshold,
    IReadOnlyList<TraceScoreDto> Accused,
    IReadOnlyList<TraceScoreDto> NearMisses,
    string Verdict,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TraceCandidateDto>? Candidates);

/// <summary>
/// A trace that cannot run on what it was given (the artifact carries no marks, nothing matches
/// the leak): answered 422, since the request itself was well formed.
/// </summary>
public sealed class TraceRefusedException(string code, string message) : DomainException(code, message, ErrorCategory.Unprocessable);
