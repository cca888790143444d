using Forewarn.Domain.Access;
using Forewarn.Domain.Keys;

namespace Forewarn.Server.Api.Contracts;

public sealed record KeyDto(Guid Id, string Prefix, string Owner, Guid? PartnerId, string Name, IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, Guid? MemberId)
{
    public static KeyDto From(ApiKey k) => new(k.Id, k.Prefix, k.Owner.ToString().ToLowerInvariant(), k.PartnerId?.Value, k.Name,
        k.Scopes, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.CreatedBy, k.MemberId?.Value);
}

/// <summary>A key to issue. <c>MemberId</c>: the staff member who will hold a staff key (default: the caller's own member).</summary>
public sealed record NewKey(string? Owner, Guid? PartnerId, string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt,
    Guid? MemberId = null);

/// <summary>The key with its token; the token is shown this once and never again.</summary>
public sealed record IssuedKey(KeyDto Key, string Token);

/// <summary>
/// One serve-or-deny decision. <c>CopySha256</c> and <c>Marks</c> say which copy was served (the
/// partner's own marked copy, or the artifact as it is with 0 marks); both are null when nothing was.
/// <c>LogIndex</c> is the decision's entry in the transparency log, where it is recorded.
/// </summary>
public sealed record AccessRecordDto(long LogIndex, DateTimeOffset At, Guid PartnerId, Guid KeyId, Guid? AdvisoryId, Guid ArtifactId,
    string Channel, bool Allowed, string Verdict, string Rules, string Explanation, string? CopySha256, int? Marks, string? FactsVersion)
{
    public static AccessRecordDto From(long logIndex, AccessRecord r) => new(logIndex, r.At, r.PartnerId.Value, r.KeyId, r.AdvisoryId?.Value,
        r.ArtifactId.Value, r.Channel, r.Allowed, r.Verdict, r.Rules, r.Explanation, r.CopySha256, r.Marks, r.FactsVersion);
}

public sealed record AcknowledgementRequest(string? Note);

public sealed record AcknowledgementDto(Guid AdvisoryId, string Reference, DateTimeOffset AcknowledgedAt, string Note);

public sealed record MyArtifactDto(Guid Id, string Title, string Class, string Tlp, string MediaType, string? FileName,
    long Size, bool Open, DateTimeOffset? OpensAt, string Explanation);

public sealed record MyAdvisoryDto(Guid Id, string Reference, string Title, string Summary, string State, DateTimeOffset ReleaseAt,
    IReadOnlyList<string> CveIds, double? CvssScore, DateTimeOffset? AcknowledgedAt, IReadOnlyList<MyArtifactDto> Artifacts);
