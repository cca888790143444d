using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>
/// What the programme's rules say about a generated world, read from the world's plain data
/// only — never from the domain objects or the policy's findings — so the properties check the
/// policy against an independent statement of the rules.
/// </summary>
internal static class Model
{
    public static ContentClass Class(World w) => w.Advisory.Target;

    public static PartnerStatus StatusAt(World w, DateTimeOffset t)
    {
        var status = PartnerStatus.Applicant;
        foreach (var step in w.Partner.Steps)
            if (step.At <= t) status = step.To;
        return status;
    }

    public static bool InGoodStanding(World w, DateTimeOffset t) => StatusAt(w, t) is PartnerStatus.Active or PartnerStatus.Probation;

    public static bool ContractBinds(World w, DateTimeOffset t) =>
        w.Partner.Signed is { } signed && signed <= t && (w.Partner.Expires is not { } expires || t < expires);

    public static bool AdvisoryLive(World w, DateTimeOffset t) =>
        w.Advisory.Scheduled is { } s && s <= t && !(w.Advisory.Withdrawn is { } x && x <= t);

    public static bool Restricted(World w) => w.Partner.Restrictions.Contains(Class(w));

    private static IReadOnlyList<RuleSpec> Rules(World w) => w.Rules ?? [];

    public static bool ProbationWithheld(World w, DateTimeOffset t) =>
        StatusAt(w, t) == PartnerStatus.Probation
        && Rules(w).Any(r => r.Kind == PolicyRuleKind.ProbationWithhold && r.Classes.Contains(Class(w)));

    /// <summary>Jurisdiction limits that apply: a jurisdiction of the partner has the rule's fact.</summary>
    public static IReadOnlyList<RuleSpec> LimitsApplying(World w)
    {
        var codes = new HashSet<string>([w.Partner.Headquarters, .. w.Partner.AlsoUnder]);
        return
        [
            .. Rules(w).Where(r => r.Kind == PolicyRuleKind.JurisdictionLimit
                && w.Jurisdictions.Any(j => codes.Contains(j.Code) && j.Facts.Contains(r.Fact!))),
        ];
    }

    public static bool JurisdictionLimited(World w) => LimitsApplying(w).Any(r => !r.Classes.Contains(Class(w)));

    public static bool OnlyAtRelease(World w) => LimitsApplying(w).Any(r => r.AtReleaseOnly && r.Classes.Contains(Class(w)));

    public static bool PublicAtRelease(World w) =>
        Rules(w).Any(r => r.Kind == PolicyRuleKind.PublicAtRelease && r.Classes.Contains(Class(w)));

    public static TimeSpan? Lead(World w) =>
        w.LeadTimes is not null && w.LeadTimes.TryGetValue(Class(w), out var lead) ? lead : null;

    public static DateTimeOffset? FirstWave(World w) =>
        w.Advisory.Waves.Where(x => x.PublishesTarget).Select(x => (DateTimeOffset?)x.At).Min();

    /// <summary>When the artifact opens under the tier, the waves and the release rules, ignoring every denial.</summary>
    public static DateTimeOffset? Opens(World w)
    {
        var release = w.Advisory.Release;
        DateTimeOffset? early = Lead(w) is { } lead && FirstWave(w) is { } wave ? Later(wave, release - lead) : null;
        if (early is { } e && OnlyAtRelease(w)) early = Later(e, release);
        DateTimeOffset? atRelease = PublicAtRelease(w) ? release : null;
        return (early, atRelease) switch
        {
            ({ } x, { } y) => x <= y ? x : y,
            ({ } x, null) => x,
            (null, { } y) => y,
            _ => null,
        };
    }

    /// <summary>Everything that makes the artifact out of reach at <paramref name="t"/>, whatever the time of opening.</summary>
    public static bool Blocked(World w, DateTimeOffset t) =>
        !InGoodStanding(w, t) || !ContractBinds(w, t) || !AdvisoryLive(w, t) || Restricted(w)
        || ProbationWithheld(w, t) || JurisdictionLimited(w) || Opens(w) is null;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
