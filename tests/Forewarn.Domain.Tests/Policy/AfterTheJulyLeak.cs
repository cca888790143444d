using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

/// <summary>
/// The programme's policy history around the 2025 leak: version 1 withholds PoC from partners on
/// probation (R1); version 2, effective 20 July 2025, adds R3 — partners under a jurisdiction with
/// mandatory government reporting get only the notice and description, and only at release.
/// </summary>
internal static class AfterTheJulyLeak
{
    public static readonly DateTimeOffset R3Effective = Utc.At("2025-07-20T00:00Z");
    public static readonly DateTimeOffset Scheduled = Utc.At("2025-07-25T09:00Z");
    public static readonly DateTimeOffset Wave = Utc.At("2025-07-28T12:00Z");
    public static readonly DateTimeOffset Release = Utc.At("2025-08-12T17:00Z");

    public static PolicyVersion Version1() =>
        PolicyVersion.Next(null, [Rules.ProbationWithhold("R1", ContentClass.Poc)], PolicyScene.Joined, "Initial rules", "staff", PolicyScene.Joined);

    public static PolicyVersion Version2(PolicyVersion version1) =>
        PolicyVersion.Next(version1,
            [
                Rules.ProbationWithhold("R1", ContentClass.Poc),
                Rules.JurisdictionLimit("R3", JurisdictionFact.MandatoryVulnerabilityReporting, true, ContentClass.Notice, ContentClass.Description),
            ],
            R3Effective, "No early details or PoC to jurisdictions with mandatory government reporting", "staff", R3Effective);

    /// <summary>An advisory released after R3 took effect, seen under version 2.</summary>
    public static PolicyScene Scene(string headquarters, params string[] alsoUnder) => new PolicyScene()
        .HeadquarteredIn(headquarters, alsoUnder)
        .ReleasedAt(Release)
        .ScheduledAt(Scheduled)
        .WithWaves((Wave, [.. ContentClasses.All]))
        .UnderPolicy(Version2(Version1()));
}
