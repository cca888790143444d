using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Policy;

/// <summary>
/// One partner, one advisory with an artifact of every content class, its waves, the partner's
/// tier, the known jurisdictions and a policy version — a readable world for one decision.
/// Defaults: an active partner (DE) with a signed NDA, tier "strategic" with a 5-day lead time
/// for every class, an advisory scheduled on 20 June and released on 8 July 2025 17:00 UTC,
/// one wave on 24 June publishing every artifact, and no configurable rules.
/// </summary>
internal sealed class PolicyScene
{
    public static readonly DateTimeOffset Applied = Utc.At("2025-01-02T09:00Z");
    public static readonly DateTimeOffset Joined = Utc.At("2025-01-10T09:00Z");
    public static readonly DateTimeOffset Scheduled = Utc.At("2025-06-20T09:00Z");
    public static readonly DateTimeOffset FirstWave = Utc.At("2025-06-24T12:00Z");
    public static readonly DateTimeOffset Release = Utc.At("2025-07-08T17:00Z");
    public static readonly TimeSpan StrategicLead = TimeSpan.FromDays(5);

    private readonly List<(PartnerStatus To, DateTimeOffset At)> steps = [(PartnerStatus.Active, Joined)];
    private Contract contract = Contract.Create("NDA-3", Applied, null);
    private string headquarters = "DE";
    private string[] operatingIn = [];
    private ContentClass[] restrictions = [];
    private Tier? tier = Tier.Create("strategic", "Long-standing partners", ContentClasses.All.ToDictionary(c => c, _ => StrategicLead));
    private DateTimeOffset release = Release;
    private DateTimeOffset? scheduled = Scheduled;
    private DateTimeOffset? withdrawn;
    private List<(DateTimeOffset At, ContentClass[] Classes)> waves = [(FirstWave, [.. ContentClasses.All])];
    private List<Jurisdiction> jurisdictions =
    [
        Jurisdiction.Create("CN", "China", [JurisdictionFact.MandatoryVulnerabilityReporting, JurisdictionFact.ExportRestrictedVulnerabilities], "2021 rules"),
        Jurisdiction.Create("US", "United States", [], null),
        Jurisdiction.Create("DE", "Germany", [], null),
    ];
    private PolicyVersion? policy;

    public string PartnerName { get; } = "Northwind Detection GmbH";

    public PolicyScene NeverActivated() { steps.Clear(); return this; }

    /// <summary>Adds a status change after the existing ones (the path must be legal).</summary>
    public PolicyScene Then(PartnerStatus to, DateTimeOffset at) { steps.Add((to, at)); return this; }

    public PolicyScene WithContract(DateTimeOffset? signedAt, DateTimeOffset? expiresAt)
    {
        contract = Contract.Create("NDA-3", signedAt, expiresAt);
        return this;
    }

    public PolicyScene HeadquarteredIn(string country, params string[] alsoUnder)
    {
        headquarters = country;
        operatingIn = alsoUnder;
        return this;
    }

    public PolicyScene Restricting(params ContentClass[] classes) { restrictions = classes; return this; }

    public PolicyScene InTier(string name, IReadOnlyDictionary<ContentClass, TimeSpan> leadTimes)
    {
        tier = Tier.Create(name, null, leadTimes);
        return this;
    }

    public PolicyScene WithoutTier() { tier = null; return this; }

    public PolicyScene ReleasedAt(DateTimeOffset at) { release = at; return this; }

    public PolicyScene NotScheduled() { scheduled = null; waves = []; return this; }

    public PolicyScene ScheduledAt(DateTimeOffset at) { scheduled = at; return this; }

    public PolicyScene WithdrawnAt(DateTimeOffset at) { withdrawn = at; return this; }

    /// <summary>Replaces the waves; each publishes the artifacts of the given classes.</summary>
    public PolicyScene WithWaves(params (DateTimeOffset At, ContentClass[] Classes)[] planned) { waves = [.. planned]; return this; }

    public PolicyScene KnowingJurisdictions(params Jurisdiction[] known) { jurisdictions = [.. known]; return this; }

    public PolicyScene UnderPolicy(PolicyVersion? version) { policy = version; return this; }

    /// <summary>Shorthand: a first policy version with these rules, effective since the partner joined.</summary>
    public PolicyScene WithRules(params PolicyRule[] rules) =>
        UnderPolicy(PolicyVersion.Next(null, rules, Joined, "Programme rules", "staff", Joined));

    public EntitlementQuery Query(ContentClass cls, DateTimeOffset at)
    {
        var partner = Partner.Create(PartnerName, headquarters, operatingIn, PartnerCategory.AntivirusEdr,
            tier?.Name ?? "unknown", contract, Applied, "staff");
        foreach (var (to, when) in steps)
            partner.ChangeStatus(to, "programme decision", when, "staff");
        partner.SetRestrictions(restrictions);

        var created = Utc.At("2025-06-01T00:00Z");
        var advisory = Advisory.Create("FW-2025-0042", "Remote code execution in the document server", null,
            ["CVE-2025-53770"], ["Document Server 2019"], "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", release, created, "staff");
        if (scheduled is { } s) advisory.Schedule(s, "staff");
        var artifacts = ContentClasses.All.Select(c =>
            Artifact.Create(advisory, $"The {c.Describe()}", c, TlpLabel.Amber, null, null, Encoding.UTF8.GetBytes($"{c} content"), created).Artifact).ToList();
        var planned = new List<Wave>();
        foreach (var (when, classes) in waves)
        {
            var ids = artifacts.Where(a => classes.Contains(a.Class)).Select(a => a.Id);
            planned.Add(Wave.Plan(advisory, planned, artifacts, planned.Count == 0 ? WaveKind.Initial : WaveKind.Update,
                when, ids, null, scheduled!.Value));
        }
        if (withdrawn is { } w) advisory.Withdraw("Duplicate of an earlier advisory", w, "staff");

        return new EntitlementQuery(partner, tier, jurisdictions, advisory, artifacts.Single(a => a.Class == cls), planned, policy, at);
    }

    public Entitlement Decide(ContentClass cls, DateTimeOffset at) => EntitlementPolicy.Decide(Query(cls, at));
}
