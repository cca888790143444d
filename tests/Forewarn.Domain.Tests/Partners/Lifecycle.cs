using Forewarn.Domain.Partners;

namespace Forewarn.Domain.Tests.Partners;

/// <summary>
/// The membership life cycle as the programme states it (applicant → active ⇄ probation →
/// suspended → removed, with removal possible from anywhere and suspension lifted to active or
/// probation), written out here independently of the domain's own table.
/// </summary>
internal static class Lifecycle
{
    public static readonly IReadOnlyDictionary<PartnerStatus, PartnerStatus[]> Legal = new Dictionary<PartnerStatus, PartnerStatus[]>
    {
        [PartnerStatus.Applicant] = [PartnerStatus.Active, PartnerStatus.Removed],
        [PartnerStatus.Active] = [PartnerStatus.Probation, PartnerStatus.Suspended, PartnerStatus.Removed],
        [PartnerStatus.Probation] = [PartnerStatus.Active, PartnerStatus.Suspended, PartnerStatus.Removed],
        [PartnerStatus.Suspended] = [PartnerStatus.Active, PartnerStatus.Probation, PartnerStatus.Removed],
        [PartnerStatus.Removed] = [],
    };

    /// <summary>A legal path from applicant to <paramref name="status"/>.</summary>
    public static IReadOnlyList<PartnerStatus> PathTo(PartnerStatus status) => status switch
    {
        PartnerStatus.Applicant => [],
        PartnerStatus.Active => [PartnerStatus.Active],
        PartnerStatus.Probation => [PartnerStatus.Active, PartnerStatus.Probation],
        PartnerStatus.Suspended => [PartnerStatus.Active, PartnerStatus.Suspended],
        _ => [PartnerStatus.Active, PartnerStatus.Removed],
    };
}
