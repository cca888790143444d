using System.Text.Json.Serialization;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Tracing;

/// <summary>
/// A request to trace a leak: the leaked text; the artifact it is a copy of, or the advisory whose
/// artifacts it may mix (neither: the advisory is found automatically and all its fingerprinted
/// artifacts are traced together); and ε, the bound on the chance of naming anyone innocent
/// (default 10⁻⁶).
/// </summary>
public sealed record TraceRequest(string? ArtifactId, string? Leaked, double? Epsilon, string? Advisory = null);

/// <summary>What one artifact contributed to a trace: its marks and how many the leak read.</summary>
public sealed record TraceArtifactDto(Guid ArtifactId, string ArtifactTitle, string Method, int Sites, int MarksRead, int MarksSetAside);

/// <summary>
/// One partner's score against the leaked copy; <c>unreachedScore</c> (present when the trace ran
/// its second test, see <see cref="TraceUnreachedDto"/>) is its score over the marks no normaliser reaches.
/// </summary>
public sealed record TraceScoreDto(Guid PartnerId, string PartnerName, double Score)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? UnreachedScore { get; init; }
}

/// <summary>
/// The trace's second test: the marks read at sites no normaliser reaches (the order of items that
/// may come in any order, the author's alternatives, names in code) and its threshold. It runs when
/// the leak reads such marks and others too; each test is then held to ε/2 (the answer's
/// <c>threshold</c> is the first test's), so a partner above either threshold is named and the
/// chance of naming anyone innocent stays at most ε. It names a leaker who re-picked every marked
/// word at random: such words are noise in the first test, not in this one.
/// </summary>
public sealed record TraceUnreachedDto(int MarksRead, double Threshold);

/// <summary>An artifact considered when none was given: how much the leak resembles it and how many of its marks it reads.</summary>
public sealed record TraceCandidateDto(Guid ArtifactId, string AdvisoryReference, string ArtifactTitle, string Method,
    int Sites, int MarksRead, double Similarity);

/// <summary>
/// What a trace found. <c>scope</c> is <c>artifact</c> when one artifact was given, else
/// <c>advisory</c>: the leak was read against every fingerprinted artifact of the advisory and a
/// partner's score is the sum over them (one code across the advisory); <c>sites</c> and
/// <c>marksRead</c> are then totals, <c>artifacts</c> gives each artifact's share, and
/// <c>artifactId</c> is the artifact the leak reads most marks of. <c>threshold</c> is null when
/// no mark was read (no score can then name anyone). <c>candidates</c> is present only when the
/// advisory was found automatically, most likely artifact first.
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TraceCandidateDto>? Candidates)
{
    /// <summary><c>artifact</c> or <c>advisory</c>.</summary>
    public string Scope { get; init; } = "artifact";

    public Guid AdvisoryId { get; init; }

    /// <summary>Each traced artifact's sites and marks read, in the advisory's order.</summary>
    public IReadOnlyList<TraceArtifactDto> Artifacts { get; init; } = [];

    /// <summary>
    /// Marks found in the leak but not scored: a normaliser made their whole variant class uniform
    /// (every spelling American, every synonym pair one word), decided from the leak alone.
    /// </summary>
    public int MarksSetAside { get; init; }

    /// <summary>The second test over the marks no normaliser reaches, when it ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TraceUnreachedDto? Unreached { get; init; }
}

/// <summary>
/// A trace that cannot run on what it was given (the artifact carries no marks, nothing matches
/// the leak): answered 422, since the request itself was well formed.
/// </summary>
public sealed class TraceRefusedException(string code, string message) : DomainException(code, message, ErrorCategory.Unprocessable);
