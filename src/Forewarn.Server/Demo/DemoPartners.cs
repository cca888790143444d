using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;

namespace Forewarn.Server.Demo;

/// <summary>The demo's fictional partners: every tier, several jurisdictions, one of each status.</summary>
internal static class DemoPartners
{
    public sealed record Spec(string Name, string Country, PartnerCategory Category, string Tier, string[] Jurisdictions,
        ContentClass[] Restrictions, PartnerStatus Status, string? StatusReason, DateTimeOffset? StatusAt);

    private static readonly DateTimeOffset Joined = new(2019, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly Spec[] All =
    [
        new("Bastion Endpoint Security GmbH", "DE", PartnerCategory.AntivirusEdr, "Trusted", ["EU"], [], PartnerStatus.Active, null, null),
        new("Corvid Networks Inc.", "US", PartnerCategory.NetworkSecurity, "Validate", [], [], PartnerStatus.Active, null, null),
        new("Emberline Labs Ltd", "GB", PartnerCategory.AntivirusEdr, "Entry", [], [], PartnerStatus.Active, null, null),
        new("Fjordwatch CERT", "NO", PartnerCategory.Cert, "Trusted", [], [], PartnerStatus.Active, null, null),
        new("Greyharbor Managed Defense LLC", "US", PartnerCategory.ManagedSecurity, "Entry", [], [], PartnerStatus.Active, null, null),
        new("Jadewall Security Co., Ltd.", "CN", PartnerCategory.AntivirusEdr, "Trusted", [], [], PartnerStatus.Active, null, null),
        new("Lanternfish Cyber Technology", "CN", PartnerCategory.NetworkSecurity, "Entry", ["HK"], [], PartnerStatus.Active, null, null),
        new("Mistral Sentinel SAS", "FR", PartnerCategory.NetworkSecurity, "Trusted", ["EU"], [], PartnerStatus.Active, null, null),
        new("Oakridge Threat Response", "CA", PartnerCategory.ManagedSecurity, "Validate", [], [], PartnerStatus.Active, null, null),
        new("Quillon Cloud Guard K.K.", "JP", PartnerCategory.CloudSecurity, "Trusted", [], [ContentClass.Poc], PartnerStatus.Active, null, null),
        new("Saffron Shield Pvt Ltd", "IN", PartnerCategory.AntivirusEdr, "Entry", [], [], PartnerStatus.Probation,
            "Missed two acknowledgement deadlines in 2025", new DateTimeOffset(2025, 9, 15, 10, 0, 0, TimeSpan.Zero)),
        new("Tidewater Analytics Pty Ltd", "AU", PartnerCategory.Other, "Entry", [], [], PartnerStatus.Suspended,
            "Indicators shared on a public forum before release, NDA clause 4 breach under review", new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero)),
        new("Umbra Defense Systems", "IL", PartnerCategory.NetworkSecurity, "Entry", [], [], PartnerStatus.Applicant, null, null),
    ];

    public static Partner Create(Spec s, string actor)
    {
        var contract = Contract.Create("2024.2", Joined.AddDays(-7), new DateTimeOffset(2028, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var partner = Partner.Create(s.Name, s.Country, s.Jurisdictions, s.Category, s.Tier, contract, Joined.AddDays(-30), actor);
        partner.SetRestrictions(s.Restrictions);
        if (s.Status == PartnerStatus.Applicant) return partner;
        partner.ChangeStatus(PartnerStatus.Active, "Vetted; NDA and programme contract signed", Joined, actor);
        if (s.Status != PartnerStatus.Active) partner.ChangeStatus(s.Status, s.StatusReason, s.StatusAt!.Value, actor);
        return partner;
    }
}
