using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;

namespace Forewarn.Server.Api.Contracts;

public sealed record ContractDto(string? NdaVersion, DateTimeOffset? SignedAt, DateTimeOffset? ExpiresAt);

/// <summary>A step of a partner's membership; <c>From</c> is null for the first, joining the programme as an applicant.</summary>
public sealed record StatusChangeDto(string? From, string To, DateTimeOffset At, string Reason, string Actor);

public sealed record PartnerDto(
    Guid Id, string LegalName, string HeadquartersCountry, IReadOnlyList<string> Jurisdictions, string Category,
    string Tier, ContractDto Contract, IReadOnlyList<string> Restrictions, string Status,
    IReadOnlyList<StatusChangeDto> History, DateTimeOffset CreatedAt, IReadOnlyList<PendingChangeDto> Pending)
{
    /// <summary>The view; <c>pending</c>: this partner's removal, when it waits for a second staff member.</summary>
    public static PartnerDto From(Partner p, IReadOnlyList<PendingChangeDto>? pending = null) => new(
        p.Id.Value, p.LegalName, p.HeadquartersCountry, p.Jurisdictions, p.Category.Name(), p.Tier,
        new ContractDto(p.Contract.NdaVersion, p.Contract.SignedAt, p.Contract.ExpiresAt),
        [.. p.Restrictions.Select(r => r.Name())], p.Status.Name(),
        [.. p.History.Select(h => new StatusChangeDto(h.From?.Name(), h.To.Name(), h.At, h.Reason, h.Actor))],
        p.CreatedAt, pending ?? []);
}

public sealed record NewPartner(
    string? LegalName, string? HeadquartersCountry, IReadOnlyList<string>? Jurisdictions, string? Category,
    string? Tier, ContractDto? Contract, IReadOnlyList<string>? Restrictions);

public sealed record PartnerChanges(
    string? LegalName, string? HeadquartersCountry, IReadOnlyList<string>? Jurisdictions, string? Category,
    ContractDto? Contract, IReadOnlyList<string>? Restrictions);

public sealed record TierChoice(string? Tier);

public sealed record StatusRequest(string? Status, string? Reason);
