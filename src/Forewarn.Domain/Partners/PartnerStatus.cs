using Forewarn.Domain.Common;

namespace Forewarn.Domain.Partners;

/// <summary>Where a partner stands in the program.</summary>
public enum PartnerStatus
{
    Applicant,
    Active,
    Probation,
    Suspended,
    Removed,
}

/// <summary>The membership life cycle: applicant → active ⇄ probation → suspended → removed.</summary>
public static class PartnerStatuses
{
    private static readonly Dictionary<PartnerStatus, PartnerStatus[]> Allowed = new()
    {
        [PartnerStatus.Applicant] = [PartnerStatus.Active, PartnerStatus.Removed],
        [PartnerStatus.Active] = [PartnerStatus.Probation, PartnerStatus.Suspended, PartnerStatus.Removed],
        [PartnerStatus.Probation] = [PartnerStatus.Active, PartnerStatus.Suspended, PartnerStatus.Removed],
        [PartnerStatus.Suspended] = [PartnerStatus.Active, PartnerStatus.Probation, PartnerStatus.Removed],
        [PartnerStatus.Removed] = [],
    };

    public static string Name(this PartnerStatus s) => s.ToString().ToLowerInvariant();

    /// <summary>Whether the partner may receive anything at all in this status.</summary>
    public static bool Receives(this PartnerStatus s) => s is PartnerStatus.Active or PartnerStatus.Probation;

    public static bool CanMove(PartnerStatus from, PartnerStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<PartnerStatus> NextFrom(PartnerStatus from) => Allowed[from];

    public static PartnerStatus Parse(string? text) =>
        Enum.TryParse<PartnerStatus>(text?.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s
            : throw new DomainException("unknown-status",
                $"'{text}' is not a partner status; use applicant, active, probation, suspended or removed.");
}
