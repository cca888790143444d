using Forewarn.Domain.Common;

namespace Forewarn.Domain.Partners;

/// <summary>What kind of organisation a partner is.</summary>
public enum PartnerCategory
{
    AntivirusEdr,
    NetworkSecurity,
    Cert,
    ManagedSecurity,
    CloudSecurity,
    Other,
}

public static class PartnerCategories
{
    public static string Name(this PartnerCategory c) => c switch
    {
        PartnerCategory.AntivirusEdr => "antivirus-edr",
        PartnerCategory.NetworkSecurity => "network-security",
        PartnerCategory.Cert => "cert",
        PartnerCategory.ManagedSecurity => "managed-security",
        PartnerCategory.CloudSecurity => "cloud-security",
        _ => "other",
    };

    public static PartnerCategory Parse(string? text)
    {
        foreach (var c in Enum.GetValues<PartnerCategory>())
            if (string.Equals(c.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
                return c;
        throw new DomainException("unknown-category",
            $"'{text}' is not a partner category; use one of {string.Join(", ", Enum.GetValues<PartnerCategory>().Select(Name))}.");
    }
}
