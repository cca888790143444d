using Forewarn.Domain.Advisories;
using CvssRating = Forewarn.Domain.Cvss.CvssSeverity;

namespace Forewarn.Server.Api.Contracts;

public sealed record AdvisorySummaryDto(Guid Id, string Reference, string Title, string State, DateTimeOffset ReleaseAt,
    IReadOnlyList<string> CveIds, double? CvssScore, int ArtifactCount, int WaveCount);

public sealed record RevisionDto(int Number, DateTimeOffset At, string Summary, string Actor);

public sealed record ArtifactDto(Guid Id, Guid AdvisoryId, string Title, string Class, string Tlp, string MediaType,
    string? FileName, long Size, string Sha256, DateTimeOffset CreatedAt)
{
    public static ArtifactDto From(Artifact a) => new(a.Id.Value, a.AdvisoryId.Value, a.Title, a.Class.Name(), a.Tlp.Name(),
        a.MediaType, a.FileName, a.Size, a.Sha256, a.CreatedAt);
}

/// <summary>
/// An artifact as staff see it alone: its metadata and its fingerprint capacity, or — for an
/// artifact served as it is — null and the reason in <c>Unmarked</c>.
/// </summary>
public sealed record ArtifactDetailDto(Guid Id, Guid AdvisoryId, string Title, string Class, string Tlp, string MediaType,
    string? FileName, long Size, string Sha256, DateTimeOffset CreatedAt, FingerprintDto? Fingerprint, string? Unmarked)
{
    public static ArtifactDetailDto From(Artifact a, FingerprintDto? fingerprint, string? unmarked) => new(a.Id.Value, a.AdvisoryId.Value,
        a.Title, a.Class.Name(), a.Tlp.Name(), a.MediaType, a.FileName, a.Size, a.Sha256, a.CreatedAt, fingerprint, unmarked);
}

/// <summary>
/// How well an artifact's copies name a leaker: its mark sites (and how many of each kind), how
/// many partners may receive it, and how many colluders its code resists at ε among them, with
/// the marks two and three colluders would need. <c>Warning</c> is a sentence for staff when it
/// cannot name two colluders.
/// </summary>
public sealed record FingerprintDto(Guid ArtifactId, string Title, string Class, string Method, int Sites,
    IReadOnlyDictionary<string, int> Kinds, int Recipients, string RecipientsCounted, double Epsilon, int ColludersResisted,
    int SitesNeededFor2, int SitesNeededFor3, string? Warning)
{
    /// <summary>The generation of mark finders the artifact's copies are made with.</summary>
    public int MarkerVersion { get; init; }

    /// <summary>Marks per 1,000 words of prose (text artifacts; null for code).</summary>
    public double? MarksPer1000Words { get; init; }

    /// <summary>Marks per 100 lines of code (PoCs; null for prose).</summary>
    public double? MarksPer100Lines { get; init; }
}

/// <summary>
/// What the marks of all an advisory's fingerprinted artifacts are worth together — one code
/// across the advisory: colluders named at ε among the partners it opens to whatever they do
/// (<c>colludersResisted</c>) and when they mix their copies passage by passage
/// (<c>colludersResistedMixing</c>), the marks needed for two and three, and what to add.
/// </summary>
public sealed record AdvisoryCapacityDto(int Sites, int Recipients, double Epsilon, int ColludersResisted, int ColludersResistedMixing,
    int SitesNeededFor2, int SitesNeededFor3Mixing, double? MarksPer1000Words, IReadOnlyList<string> Advice);

/// <summary>A wave just planned, with the fingerprint capacity of the artifacts it publishes and the warnings for staff.</summary>
public sealed record PlannedWaveDto(Guid Id, int Number, string Kind, DateTimeOffset At, IReadOnlyList<Guid> ArtifactIds, string Note,
    DateTimeOffset CreatedAt, IReadOnlyList<FingerprintDto> Fingerprints, IReadOnlyList<string> Warnings)
{
    public static PlannedWaveDto From(Wave w, IReadOnlyList<FingerprintDto> fingerprints, IReadOnlyList<string> warnings) => new(w.Id.Value,
        w.Number, w.Kind.ToString().ToLowerInvariant(), w.At, [.. w.ArtifactIds.Select(a => a.Value)], w.Note, w.CreatedAt, fingerprints, warnings);
}

/// <summary>The fingerprint capacity of an advisory's artifacts: the marked ones, the warnings, and why the others are served as they are.</summary>
public sealed record AdvisoryFingerprintsDto(string Reference, IReadOnlyList<FingerprintDto> Fingerprints, IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<Guid, string> Unmarked)
{
    /// <summary>All the fingerprinted artifacts together (null when none is fingerprinted).</summary>
    public AdvisoryCapacityDto? Advisory { get; init; }
}

public sealed record WaveDto(Guid Id, int Number, string Kind, DateTimeOffset At, IReadOnlyList<Guid> ArtifactIds, string Note, DateTimeOffset CreatedAt)
{
    public static WaveDto From(Wave w) => new(w.Id.Value, w.Number, w.Kind.ToString().ToLowerInvariant(), w.At,
        [.. w.ArtifactIds.Select(a => a.Value)], w.Note, w.CreatedAt);
}

public sealed record AdvisoryDto(
    Guid Id, string Reference, string Title, string Summary, string State, DateTimeOffset ReleaseAt,
    DateTimeOffset? ScheduledAt, DateTimeOffset? WithdrawnAt, string? WithdrawnReason, IReadOnlyList<string> CveIds,
    IReadOnlyList<string> Products, string? CvssVector, double? CvssScore, string? CvssSeverity,
    IReadOnlyList<RevisionDto> Revisions, IReadOnlyList<ArtifactDto> Artifacts, IReadOnlyList<WaveDto> Waves,
    DateTimeOffset CreatedAt, AdvisoryDetailsDto Details, IReadOnlyList<PendingChangeDto> Pending)
{
    /// <summary>The view; <c>pending</c>: release moves and PoC waves of this advisory waiting for a second staff member.</summary>
    public static AdvisoryDto From(Advisory a, IReadOnlyCollection<Artifact> artifacts, IReadOnlyCollection<Wave> waves, DateTimeOffset now,
        IReadOnlyList<PendingChangeDto>? pending = null) => new(
        a.Id.Value, a.Reference, a.Title, a.Summary, a.StateAt(now, waves).Name(), a.ReleaseAt, a.ScheduledAt, a.WithdrawnAt,
        a.WithdrawnReason, a.CveIds, a.AffectedProducts, a.CvssVector, a.CvssScore,
        a.CvssScore is { } s ? CvssRating.Of(s) : null,
        [.. a.Revisions.Select(r => new RevisionDto(r.Number, r.At, r.Summary, r.Actor))],
        [.. artifacts.OrderBy(x => x.CreatedAt).Select(ArtifactDto.From)],
        [.. waves.OrderBy(w => w.Number).Select(WaveDto.From)],
        a.CreatedAt, AdvisoryDetailsDto.From(a.Details), pending ?? []);
}

/// <summary>
/// The structured, CSAF-shaped part of an advisory. Staff replace it whole with
/// <c>PUT /api/v1/advisories/{id}/details</c>; the values are the domain's records.
/// </summary>
public sealed record AdvisoryDetailsDto(string? Tlp, IReadOnlyList<AdvisoryNote>? Notes, IReadOnlyList<AdvisoryReference>? References,
    IReadOnlyList<Product>? Products, IReadOnlyList<Vulnerability>? Vulnerabilities)
{
    public static AdvisoryDetailsDto From(AdvisoryDetails d) => new(d.Tlp.Name(), d.Notes, d.References, d.Products, d.Vulnerabilities);
}

public sealed record DetailsChange(AdvisoryDetailsDto? Details, string? Change);

public sealed record NewAdvisory(string? Reference, string? Title, string? Summary, IReadOnlyList<string>? CveIds,
    IReadOnlyList<string>? Products, string? CvssVector, DateTimeOffset? ReleaseAt);

public sealed record AdvisoryChanges(string? Title, string? Summary, IReadOnlyList<string>? CveIds,
    IReadOnlyList<string>? Products, string? CvssVector, string? Change);

public sealed record ReleaseTimeChange(DateTimeOffset? ReleaseAt, string? Reason);

public sealed record Withdrawal(string? Reason);

public sealed record NewArtifact(string? Title, string? Class, string? Tlp, string? Text, string? ContentBase64,
    string? MediaType, string? FileName);

public sealed record NewWave(string? Kind, DateTimeOffset? At, IReadOnlyList<Guid>? ArtifactIds, string? Note);
