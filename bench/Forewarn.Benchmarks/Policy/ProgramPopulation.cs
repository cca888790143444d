using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;

namespace Forewarn.Benchmarks.Policy;

/// <summary>One advisory with its artifacts and waves, as the policy reads them.</summary>
public sealed record AdvisoryFacts(Advisory Advisory, IReadOnlyList<Artifact> Artifacts, IReadOnlyList<Wave> Waves);

/// <summary>
/// A large, deterministic programme for the policy benchmark: the demo's three tiers and rules
/// R1–R3, jurisdictions including CN with mandatory vulnerability reporting, thousands of partners
/// spread over tiers, countries, statuses, contracts and restrictions, and advisories at every
/// stage of their embargo (released, mid-wave, first wave still to come) at the decision time.
/// </summary>
public sealed class ProgramPopulation
{
    private const string Actor = "staff:bench";

    /// <summary>The moment every decision is taken for.</summary>
    public static readonly DateTimeOffset DecisionTime = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Launch = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset R3Since = new(2025, 7, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Release times relative to the decision time, in days: some released, most under embargo.</summary>
    private static readonly double[] ReleaseOffsetsDays = [-60, -20, -3, -0.5, 0.25, 1, 2, 4, 7, 12];

    /// <summary>Headquarters countries with rough weights; CN is about one partner in twelve.</summary>
    private static readonly (string Country, int Weight)[] Countries =
    [
        ("US", 22), ("DE", 9), ("GB", 8), ("FR", 6), ("JP", 6), ("CN", 8), ("IN", 5), ("CA", 4), ("AU", 3),
        ("IL", 4), ("NL", 3), ("SE", 2), ("KR", 4), ("SG", 3), ("BR", 3), ("NO", 2), ("ES", 3), ("IT", 2), ("TW", 3),
    ];

    private static readonly HashSet<string> EuCountries = ["DE", "FR", "NL", "SE", "ES", "IT"];

    private ProgramPopulation(IReadOnlyList<Partner> partners, IReadOnlyDictionary<string, Tier> tiers,
        IReadOnlyList<Jurisdiction> jurisdictions, IReadOnlyList<PolicyVersion> versions, IReadOnlyList<AdvisoryFacts> advisories)
    {
        Partners = partners;
        Tiers = tiers;
        Jurisdictions = jurisdictions;
        Versions = versions;
        Advisories = advisories;
    }

    public IReadOnlyList<Partner> Partners { get; }
    public IReadOnlyDictionary<string, Tier> Tiers { get; }
    public IReadOnlyList<Jurisdiction> Jurisdictions { get; }
    public IReadOnlyList<PolicyVersion> Versions { get; }
    public IReadOnlyList<AdvisoryFacts> Advisories { get; }

    public int ArtifactCount => Advisories.Sum(a => a.Artifacts.Count);

    /// <summary>Builds <paramref name="partnerCount"/> partners and ten advisories of ten artifacts each.</summary>
    public static ProgramPopulation Build(int partnerCount, int seed = 20261128)
    {
        var random = new Random(seed);
        var tiers = BuildTiers().ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var partners = Enumerable.Range(0, partnerCount).Select(i => BuildPartner(i, random)).ToList();
        var advisories = ReleaseOffsetsDays.Select((d, i) => BuildAdvisory(i, DecisionTime.AddDays(d))).ToList();
        return new ProgramPopulation(partners, tiers, BuildJurisdictions(), BuildPolicy(), advisories);
    }

    /// <summary>The question the server asks for one (partner, artifact), built the same way.</summary>
    public EntitlementQuery Query(Partner partner, Tier? tier, PolicyVersion? policy, AdvisoryFacts advisory, Artifact artifact) =>
        new(partner, tier, Jurisdictions, advisory.Advisory, artifact, advisory.Waves, policy, DecisionTime);

    private static IEnumerable<Tier> BuildTiers()
    {
        static Dictionary<ContentClass, TimeSpan> Days(params (ContentClass C, double D)[] xs) =>
            xs.ToDictionary(x => x.C, x => TimeSpan.FromDays(x.D));
        yield return Tier.Create("Entry", "One day before release.",
            Days((ContentClass.Notice, 1), (ContentClass.Description, 1), (ContentClass.Detection, 1), (ContentClass.Indicators, 1), (ContentClass.Mitigation, 1)));
        yield return Tier.Create("Trusted", "Five days ahead; PoC three days ahead.",
            Days((ContentClass.Notice, 5), (ContentClass.Description, 5), (ContentClass.Detection, 5), (ContentClass.Indicators, 5),
                (ContentClass.Mitigation, 5), (ContentClass.Poc, 3)));
        yield return Tier.Create("Validate", "Detection guidance fourteen days ahead.",
            Days((ContentClass.Notice, 14), (ContentClass.Detection, 14), (ContentClass.Indicators, 14), (ContentClass.Description, 5),
                (ContentClass.Mitigation, 5), (ContentClass.Poc, 5)));
    }

    private static List<Jurisdiction> BuildJurisdictions() =>
    [
        Jurisdiction.Create("CN", "People's Republic of China",
            [JurisdictionFact.MandatoryVulnerabilityReporting, JurisdictionFact.ExportRestrictedVulnerabilities], "2021 regulations."),
        Jurisdiction.Create("EU", "European Union", [], ""),
        Jurisdiction.Create("US", "United States", [], ""),
        Jurisdiction.Create("GB", "United Kingdom", [], ""),
        Jurisdiction.Create("JP", "Japan", [], ""),
        Jurisdiction.Create("IN", "India", [], ""),
        Jurisdiction.Create("KP", "Democratic People's Republic of Korea", [JurisdictionFact.Sanctioned], ""),
        Jurisdiction.Create("HK", "Hong Kong", [], ""),
    ];

    private static List<PolicyVersion> BuildPolicy()
    {
        var publicClasses = new[] { ContentClass.Notice, ContentClass.Description, ContentClass.Detection, ContentClass.Indicators, ContentClass.Mitigation };
        var r1 = PolicyRule.Create("R1", PolicyRuleKind.PublicAtRelease, "At release, everything but PoC opens to every active partner", null, publicClasses, false, Launch);
        var r2 = PolicyRule.Create("R2", PolicyRuleKind.ProbationWithhold, "Partners on probation get no PoC code", null, [ContentClass.Poc], false, Launch);
        var v1 = PolicyVersion.Next(null, [r1, r2], Launch, "Programme rules at launch", Actor, Launch);
        var r3 = PolicyRule.Create("R3", PolicyRuleKind.JurisdictionLimit,
            "Partners under mandatory government vulnerability reporting get only the notice and description, at release",
            JurisdictionFact.MandatoryVulnerabilityReporting, [ContentClass.Notice, ContentClass.Description], true, R3Since);
        var v2 = PolicyVersion.Next(v1, [r1, r2, r3], R3Since, "After the July 2025 exploitation", Actor, R3Since);
        return [v1, v2];
    }

    private static Partner BuildPartner(int i, Random random)
    {
        var country = Pick(random, Countries);
        var jurisdictions = new List<string>();
        if (EuCountries.Contains(country)) jurisdictions.Add("EU");
        if (country == "CN" && random.NextDouble() < 0.3) jurisdictions.Add("HK");
        if (country != "US" && random.NextDouble() < 0.1) jurisdictions.Add("US");
        // A few non-CN partners operate under CN law through a subsidiary: R3 must catch them too.
        if (country != "CN" && random.NextDouble() < 0.02) jurisdictions.Add("CN");

        var tierRoll = random.NextDouble();
        var tier = tierRoll < 0.55 ? "Entry" : tierRoll < 0.9 ? "Trusted" : "Validate";
        var joined = DecisionTime.AddDays(-random.Next(30, 2500));
        var contractRoll = random.NextDouble();
        var contract = contractRoll switch
        {
            < 0.01 => Contract.Create("2024.2", null, null),                                      // never signed
            < 0.02 => Contract.Create("2021.1", joined.AddDays(-7), DecisionTime.AddDays(-10)),  // expired
            _ => Contract.Create("2024.2", joined.AddDays(-7), DecisionTime.AddYears(2)),
        };
        var category = (PartnerCategory)random.Next(Enum.GetValues<PartnerCategory>().Length);
        var partner = Partner.Create($"Bench Partner {i:00000} Ltd", country, jurisdictions, category, tier, contract, joined.AddDays(-30), Actor);

        var restrictionRoll = random.NextDouble();
        if (restrictionRoll < 0.01) partner.SetRestrictions([ContentClass.Poc, ContentClass.Indicators]);
        else if (restrictionRoll < 0.04) partner.SetRestrictions([ContentClass.Poc]);

        var statusRoll = random.NextDouble();
        if (statusRoll < 0.03) return partner; // applicant
        partner.ChangeStatus(PartnerStatus.Active, "Vetted; NDA signed", joined, Actor);
        var later = joined.AddDays(random.Next(1, Math.Max(2, (int)(DecisionTime - joined).TotalDays - 1)));
        switch (statusRoll)
        {
            case < 0.10:
                partner.ChangeStatus(PartnerStatus.Probation, "Missed acknowledgement deadlines", later, Actor);
                break;
            case < 0.15:
                partner.ChangeStatus(PartnerStatus.Suspended, "NDA breach under review", later, Actor);
                break;
            case < 0.17:
                partner.ChangeStatus(PartnerStatus.Suspended, "NDA breach", later, Actor);
                partner.ChangeStatus(PartnerStatus.Removed, "NDA breach confirmed", later.AddHours(12), Actor);
                break;
            case < 0.22:
                // Back from probation: a longer history to read.
                partner.ChangeStatus(PartnerStatus.Probation, "Late acknowledgements", later, Actor);
                partner.ChangeStatus(PartnerStatus.Active, "Improved", later.AddHours(12), Actor);
                break;
        }
        return partner;
    }

    /// <summary>
    /// Ten artifacts in three waves like the 2025 replay: notice and first detection 14 days
    /// ahead; description, indicators and mitigation 5 days ahead; PoC and a revised description
    /// 3 days ahead; one late detection artifact in no wave (it opens only at release, by R1).
    /// </summary>
    private static AdvisoryFacts BuildAdvisory(int i, DateTimeOffset release)
    {
        var scheduled = release.AddDays(-20);
        var advisory = Advisory.Create($"FW-BENCH-{i + 1:0000}", $"Benchmark advisory {i + 1}", "A vulnerability for the policy benchmark.",
            [$"CVE-2026-{90000 + i}"], ["Halcyon Collaboration Server"], "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            release, scheduled.AddMinutes(-5), Actor);
        advisory.Schedule(scheduled, Actor);

        var classes = new[]
        {
            ContentClass.Notice, ContentClass.Detection, ContentClass.Description, ContentClass.Detection, ContentClass.Indicators,
            ContentClass.Indicators, ContentClass.Mitigation, ContentClass.Poc, ContentClass.Description, ContentClass.Detection,
        };
        var artifacts = classes.Select((c, n) => Artifact.Create(advisory, $"{c} {n + 1}", c, TlpLabel.Amber, null, null,
            [(byte)'x'], scheduled).Artifact).ToList();

        var waves = new List<Wave>();
        void Plan(WaveKind kind, double daysBefore, params int[] indices)
        {
            var chosen = indices.Select(n => artifacts[n]).ToList();
            waves.Add(Wave.Plan(advisory, waves, artifacts, kind, release.AddDays(-daysBefore), chosen.Select(a => a.Id), null, scheduled));
        }
        Plan(WaveKind.Initial, 14, 0, 1);
        Plan(WaveKind.Update, 5, 2, 3, 4, 5, 6);
        Plan(WaveKind.Revised, 3, 7, 8);
        return new AdvisoryFacts(advisory, artifacts, waves);
    }

    private static string Pick(Random random, (string Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return weighted[^1].Value;
    }
}
