using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Staff;
using Forewarn.Domain.Tiers;
using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Demo;

/// <summary>
/// The demo programme of a fictional vendor: tiers, jurisdictions, the policy with the July 2025
/// change, partners, advisories and keys — loaded in one transaction into an empty store.
/// </summary>
public static class DemoProgram
{
    public const string Name = "Halcyon Software Early Warning Program";
    private const string Actor = "staff:demo";

    /// <summary>The demo's staff members (fictional): the first holds the staff key printed at start, the second approves.</summary>
    public const string FirstStaffMember = "Ines Halvorsen";
    public const string SecondStaffMember = "Tomas Adeyemi";

    public const string NameSetting = "program.name";

    /// <summary>The demo vendor publishes its own CSAF documents; a real programme configures its own publisher.</summary>
    public static readonly CsafPublisherIdentity Publisher = new("Halcyon Software", "https://halcyon.example", "psirt@halcyon.example",
        "Halcyon Software PSIRT, coordinating its early warning programme (Forewarn).");

    /// <summary>
    /// Whether the store holds nothing of any programme — the only store the demo may be loaded
    /// into. A programme that has so much as a tier, a key or a log entry is never touched.
    /// </summary>
    public static async Task<bool> IsEmptyStoreAsync(ForewarnDb db, CancellationToken ct) =>
        !await db.Settings.AnyAsync(s => s.Key == NameSetting || s.Key == ProgramPublisher.SettingKey, ct)
        && !await db.Partners.AnyAsync(ct) && !await db.Tiers.AnyAsync(ct) && !await db.Jurisdictions.AnyAsync(ct)
        && !await db.PolicyVersions.AnyAsync(ct) && !await db.Advisories.AnyAsync(ct) && !await db.ApiKeys.AnyAsync(ct) && !await db.StaffMembers.AnyAsync(ct)
        && !await db.LogEntries.AnyAsync(ct) && !await db.LogPending.AnyAsync(ct);

    public static async Task<DemoCredentials> LoadAsync(ForewarnDb db, DateTimeOffset now, CancellationToken ct)
    {
        db.Settings.Add(new ProgramSetting(NameSetting, Name));
        db.Settings.Add(ProgramPublisher.Keep(Publisher));
        db.Settings.Add(new ProgramSetting("demo.loaded-at", now.ToString("O")));
        // Recorded through the application services once the log runs (DemoInvestigation), on this start only.
        db.Settings.Add(new ProgramSetting(DemoInvestigation.Setting, DemoInvestigation.Due));
        AddTiers(db);
        AddJurisdictions(db);
        AddPolicy(db);
        var partners = DemoPartners.All.Select(s => (Spec: s, Partner: DemoPartners.Create(s, Actor))).ToList();
        db.Partners.AddRange(partners.Select(p => p.Partner));
        DemoAdvisories.AddReplay(db);
        DemoAdvisories.AddUnderEmbargo(db, now);

        var expires = now.AddYears(2);
        // Two staff members, each with a key that can write: one proposes what needs four eyes, the other approves.
        var first = StaffMember.Create(FirstStaffMember, now, Actor);
        var second = StaffMember.Create(SecondStaffMember, now, Actor);
        db.StaffMembers.AddRange(first, second);
        var (staffKey, staffToken) = ApiKey.Issue(KeyOwner.Staff, null, "Demo staff", null, expires, now, Actor, first.Id);
        var (secondKey, secondToken) = ApiKey.Issue(KeyOwner.Staff, null, "Demo staff (second member)", null, expires, now, Actor, second.Id);
        db.ApiKeys.AddRange(staffKey, secondKey);
        var partnerKeys = new List<DemoPartnerKey>();
        foreach (var (spec, partner) in partners)
        {
            var (key, token) = ApiKey.Issue(KeyOwner.Partner, partner.Id, $"{partner.LegalName} demo key", null, expires, now, Actor);
            db.ApiKeys.Add(key);
            partnerKeys.Add(new DemoPartnerKey(partner.Id.Value, partner.LegalName, partner.HeadquartersCountry, partner.Tier,
                partner.Status.ToString().ToLowerInvariant(), token));
        }
        await db.SaveChangesAsync(ct);
        return new DemoCredentials(new DemoStaffKey(staffToken, first.Name), partnerKeys, new DemoStaffKey(secondToken, second.Name));
    }

    private static void AddTiers(ForewarnDb db)
    {
        static Dictionary<ContentClass, TimeSpan> Days(params (ContentClass C, double D)[] xs) =>
            xs.ToDictionary(x => x.C, x => TimeSpan.FromDays(x.D));
        db.Tiers.Add(Tier.Create("Entry", "New partners: notice, description, detection guidance, indicators and mitigation one day before release.",
            Days((ContentClass.Notice, 1), (ContentClass.Description, 1), (ContentClass.Detection, 1), (ContentClass.Indicators, 1), (ContentClass.Mitigation, 1))));
        db.Tiers.Add(Tier.Create("Trusted", "Long-standing partners meeting stricter criteria: five days ahead; PoC three days ahead.",
            Days((ContentClass.Notice, 5), (ContentClass.Description, 5), (ContentClass.Detection, 5), (ContentClass.Indicators, 5),
                (ContentClass.Mitigation, 5), (ContentClass.Poc, 3))));
        db.Tiers.Add(Tier.Create("Validate", "The validate group reviews detection guidance up to fourteen days early and reports problems back.",
            Days((ContentClass.Notice, 14), (ContentClass.Detection, 14), (ContentClass.Indicators, 14), (ContentClass.Description, 5),
                (ContentClass.Mitigation, 5), (ContentClass.Poc, 5))));
    }

    private static void AddJurisdictions(ForewarnDb db)
    {
        db.Jurisdictions.Add(Jurisdiction.Create("CN", "People's Republic of China",
            [JurisdictionFact.MandatoryVulnerabilityReporting, JurisdictionFact.ExportRestrictedVulnerabilities],
            "2021 regulations: vulnerabilities must be reported to the ministry within two days; unpublished vulnerabilities may not go to foreign parties."));
        db.Jurisdictions.Add(Jurisdiction.Create("EU", "European Union", [], "Cyber Resilience Act reporting applies to actively exploited vulnerabilities of the vendor, not to partners."));
        db.Jurisdictions.Add(Jurisdiction.Create("US", "United States", [], ""));
    }

    private static void AddPolicy(ForewarnDb db)
    {
        var start = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var publicClasses = new[] { ContentClass.Notice, ContentClass.Description, ContentClass.Detection, ContentClass.Indicators, ContentClass.Mitigation };
        var r1 = PolicyRule.Create("R1", PolicyRuleKind.PublicAtRelease, "At release, everything but PoC code opens to every active partner", null, publicClasses, false, start);
        var r2 = PolicyRule.Create("R2", PolicyRuleKind.ProbationWithhold, "Partners on probation get no PoC code", null, [ContentClass.Poc], false, start);
        var v1 = PolicyVersion.Next(null, [r1, r2], start, "Programme rules at launch", Actor, start);
        var change = new DateTimeOffset(2025, 7, 20, 0, 0, 0, TimeSpan.Zero);
        var r3 = PolicyRule.Create("R3", PolicyRuleKind.JurisdictionLimit,
            "Partners under mandatory government vulnerability reporting get only the notice and description, at release",
            JurisdictionFact.MandatoryVulnerabilityReporting, [ContentClass.Notice, ContentClass.Description], true, change);
        var v2 = PolicyVersion.Next(v1, [r1, r2, r3], change,
            "After the July 2025 collaboration-server exploitation began on the day of the last wave, PoC code and early details no longer go to jurisdictions that require reporting to the government.",
            Actor, change);
        db.PolicyVersions.AddRange(v1, v2);
    }
}
