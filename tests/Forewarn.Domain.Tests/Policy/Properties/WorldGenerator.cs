using FsCheck;
using FsCheck.Fluent;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tests.Partners;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>
/// Generators for random worlds: partners with legal status histories, contracts, jurisdictions
/// and restrictions; tiers with random lead times per class; rule sets; advisories with waves;
/// and a time to ask about — often on or next to a boundary (release, a wave, a lead-time start,
/// a status change, a signature, an expiry, a schedule or a withdrawal).
/// </summary>
internal static class WorldGenerator
{
    private static readonly string[] Countries = ["US", "DE", "CN", "RU", "GB", "JP", "IR", "FR"];
    private static readonly string[] OtherJurisdictions = ["CN", "EU", "RU", "US", "IR"];
    private static readonly string[] KnownCodes = ["CN", "RU", "IR", "EU", "US", "DE", "JP"];
    private static readonly PolicyRuleKind[] Kinds = Enum.GetValues<PolicyRuleKind>();
    private static readonly ContentClass[] Classes = [.. ContentClasses.All];

    public static Arbitrary<World> Worlds { get; } = Arb.From(World());

    private static Gen<DateTimeOffset> Between(int fromDays, int toDays) =>
        Gen.Choose(fromDays * 1440, toDays * 1440).Select(m => Properties.World.Base.AddMinutes(m));

    private static Gen<T?> Sometimes<T>(int percent, Gen<T> gen) where T : struct =>
        Gen.Frequency((100 - percent, Gen.Constant<T?>(null)), (percent, gen.Select(v => (T?)v)));

    private static Gen<IReadOnlyList<T>> Mostly<T>(int percentEmpty, IEnumerable<T> pool) =>
        Gen.Frequency(
            (percentEmpty, Gen.Constant<IReadOnlyList<T>>([])),
            (100 - percentEmpty, Gen.SubListOf(pool).Select(l => (IReadOnlyList<T>)[.. l])));

    private static Gen<IReadOnlyList<StatusStep>> Steps() =>
        from count in Gen.Frequency((3, Gen.Constant(0)), (62, Gen.Constant(1)), (35, Gen.Choose(2, 4)))
        from picks in Gen.ListOf(Gen.Choose(0, 99), count)
        from gaps in Gen.ListOf(Gen.Choose(0, 25 * 1440), count)
        select Walk([.. picks], [.. gaps]);

    /// <summary>A legal walk through the life cycle, mostly admitting the applicant first.</summary>
    private static IReadOnlyList<StatusStep> Walk(IReadOnlyList<int> picks, IReadOnlyList<int> gaps)
    {
        var steps = new List<StatusStep>();
        var status = PartnerStatus.Applicant;
        var at = Properties.World.Applied;
        for (var i = 0; i < picks.Count; i++)
        {
            var next = Lifecycle.Legal[status];
            if (next.Length == 0) break;
            status = (status, picks[i]) switch
            {
                (PartnerStatus.Applicant, < 90) => PartnerStatus.Active,
                (PartnerStatus.Active, < 50) => PartnerStatus.Probation,
                (PartnerStatus.Suspended or PartnerStatus.Probation, < 40) => PartnerStatus.Active,
                _ => next[picks[i] % next.Length],
            };
            at = at.AddMinutes(gaps[i]);
            steps.Add(new StatusStep(status, at));
        }
        return steps;
    }

    private static Gen<(DateTimeOffset? Signed, DateTimeOffset? Expires)> Contracts() =>
        Gen.Frequency(
            (80, Gen.Constant<(DateTimeOffset?, DateTimeOffset?)>((Properties.World.Applied, null))),
            (20, from signed in Sometimes(85, Between(-45, 60))
                 from expiresAfter in Sometimes(60, Gen.Choose(1, 60 * 1440))
                 select ((DateTimeOffset?)signed, expiresAfter is { } m ? (signed ?? Properties.World.Base).AddMinutes(m) : (DateTimeOffset?)null)));

    private static Gen<PartnerSpec> Partners() =>
        from hq in Gen.Elements(Countries)
        from alsoUnder in Mostly(70, OtherJurisdictions)
        from steps in Steps()
        from contract in Contracts()
        from restrictions in Mostly(70, Classes)
        select new PartnerSpec(hq, alsoUnder, steps, contract.Signed, contract.Expires, restrictions);

    private static Gen<IReadOnlyDictionary<ContentClass, TimeSpan>?> LeadTimes() =>
        Gen.Frequency(
            (1, Gen.Constant<IReadOnlyDictionary<ContentClass, TimeSpan>?>(null)),
            (9, Gen.CollectToList(Classes.Select(c => Sometimes(80, Gen.Choose(0, 30 * 1440)).Select(m => (Class: c, Minutes: m))))
                .Select(leads => (IReadOnlyDictionary<ContentClass, TimeSpan>?)leads
                    .Where(l => l.Minutes is not null)
                    .ToDictionary(l => l.Class, l => TimeSpan.FromMinutes(l.Minutes!.Value)))));

    private static Gen<IReadOnlyList<JurisdictionSpec>> Jurisdictions() =>
        Gen.CollectToList(KnownCodes.Select(code =>
                Gen.Frequency(
                    (1, Gen.Constant<JurisdictionSpec?>(null)),
                    (5, Gen.SubListOf(JurisdictionFact.Known.ToArray()).Select(f => (JurisdictionSpec?)new JurisdictionSpec(code, [.. f]))))))
            .Select(list => (IReadOnlyList<JurisdictionSpec>)[.. list.OfType<JurisdictionSpec>()]);

    private static Gen<RuleSpec> Rule(int number) =>
        from kind in Gen.Elements(Kinds)
        from fact in Gen.Elements(JurisdictionFact.Known.ToArray())
        from classes in Gen.SubListOf(Classes)
        from atReleaseOnly in Gen.Elements(true, false)
        select new RuleSpec($"R{number}", kind, kind == PolicyRuleKind.JurisdictionLimit ? fact : null, [.. classes], atReleaseOnly);

    private static Gen<IReadOnlyList<RuleSpec>?> RuleSets() =>
        Gen.Frequency(
            (15, Gen.Constant<IReadOnlyList<RuleSpec>?>(null)),
            (85, from count in Gen.Choose(0, 4)
                 from rules in Gen.CollectToList(Enumerable.Range(1, count).Select(Rule))
                 select (IReadOnlyList<RuleSpec>?)[.. rules]));

    private static Gen<IReadOnlyList<WaveSpec>> Waves(DateTimeOffset? scheduled) =>
        scheduled is not { } s
            ? Gen.Constant<IReadOnlyList<WaveSpec>>([])
            : from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)))
              from waves in Gen.ListOf(
                  from minutes in Gen.Choose(0, 45 * 1440)
                  from target in Gen.Frequency((75, Gen.Constant(true)), (25, Gen.Constant(false)))
                  select new WaveSpec(s.AddMinutes(minutes), target), count)
              select (IReadOnlyList<WaveSpec>)[.. waves];

    private static Gen<AdvisorySpec> Advisories() =>
        from release in Between(20, 40)
        from scheduled in Sometimes(95, Between(-40, 3))
        from withdrawn in Sometimes(6, Between(-4, 60))
        from target in Gen.Elements(Classes)
        from other in Gen.Elements(Classes)
        from waves in Waves(scheduled)
        select new AdvisorySpec(release, scheduled, withdrawn, target, other, waves);

    /// <summary>Times worth asking about: every boundary of this world.</summary>
    private static IReadOnlyList<DateTimeOffset> Boundaries(PartnerSpec p, IReadOnlyDictionary<ContentClass, TimeSpan>? leads, AdvisorySpec a)
    {
        var points = new List<DateTimeOffset> { a.Release };
        points.AddRange(a.Waves.Select(w => w.At));
        points.AddRange(p.Steps.Select(s => s.At));
        if (leads is not null && leads.TryGetValue(a.Target, out var lead)) points.Add(a.Release - lead);
        foreach (var t in new[] { p.Signed, p.Expires, a.Scheduled, a.Withdrawn })
            if (t is { } v) points.Add(v);
        return points;
    }

    /// <summary>Candidate opening times: the release, and each target wave clamped to the tier window.</summary>
    private static IReadOnlyList<DateTimeOffset> Openings(IReadOnlyDictionary<ContentClass, TimeSpan>? leads, AdvisorySpec a)
    {
        var points = new List<DateTimeOffset> { a.Release };
        if (leads is not null && leads.TryGetValue(a.Target, out var lead))
            points.AddRange(a.Waves.Where(w => w.PublishesTarget).Select(w => w.At > a.Release - lead ? w.At : a.Release - lead));
        return points;
    }

    private static Gen<DateTimeOffset> QueryTimes(IReadOnlyList<DateTimeOffset> boundaries, IReadOnlyList<DateTimeOffset> openings) =>
        Gen.Frequency(
            (2, Between(-3, 60)),
            (1, Near(boundaries)),
            (1, Near(openings)));

    private static Gen<DateTimeOffset> Near(IReadOnlyList<DateTimeOffset> points) =>
        from point in Gen.Elements(points.ToArray())
        from nudge in Gen.Elements(-1, 0, 1)
        select point.AddMinutes(nudge);

    private static Gen<World> World() =>
        from partner in Partners()
        from leads in LeadTimes()
        from jurisdictions in Jurisdictions()
        from rules in RuleSets()
        from advisory in Advisories()
        from at in QueryTimes(Boundaries(partner, leads, advisory), Openings(leads, advisory))
        select new World(partner, leads, jurisdictions, rules, advisory, at);
}
