using Forewarn.Domain.Common;

namespace Forewarn.Domain.Jurisdictions;

/// <summary>A legal jurisdiction and the facts about its law that the policy can use.</summary>
public sealed class Jurisdiction
{
    private Jurisdiction() { }

    /// <summary>Usually an ISO 3166-1 alpha-2 code; regional codes such as <c>EU</c> are allowed.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> Facts { get; private set; } = [];
    public string Notes { get; private set; } = "";

    public static Jurisdiction Create(string? code, string? name, IEnumerable<string>? facts, string? notes)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        if (c.Length is < 2 or > 8 || !c.All(char.IsAsciiLetterUpper))
            throw new DomainException("invalid-jurisdiction-code",
                $"'{code}' is not a jurisdiction code; use 2 to 8 letters, such as an ISO 3166-1 code (CN) or EU.");
        var j = new Jurisdiction { Code = c, Name = TextRules.Required(name, "jurisdiction name", 120) };
        j.Update(name, facts, notes);
        return j;
    }

    public void Update(string? name, IEnumerable<string>? facts, string? notes)
    {
        Name = TextRules.Required(name, "jurisdiction name", 120);
        Facts = [.. (facts ?? []).Select(JurisdictionFact.Parse).Distinct().Order(StringComparer.Ordinal)];
        Notes = TextRules.Optional(notes, "jurisdiction notes", 2000);
    }

    /// <summary>The facts the policy reads about this jurisdiction.</summary>
    public JurisdictionFacts Snapshot => new(Name, Facts);

    /// <summary>This jurisdiction as it was when <paramref name="facts"/> were in force (also one that no longer exists).</summary>
    public static Jurisdiction Restore(string code, JurisdictionFacts facts) => new() { Code = code, Name = facts.Name, Facts = facts.Facts };

    public bool Has(string fact)
    {
        for (var i = 0; i < Facts.Count; i++)
        {
            if (Facts[i] == fact) return true;
        }
        return false;
    }
}

/// <summary>Facts about a jurisdiction's law that rules can refer to.</summary>
public static class JurisdictionFact
{
    /// <summary>The law requires vulnerabilities to be reported to the government (e.g. China's 2021 rules).</summary>
    public const string MandatoryVulnerabilityReporting = "mandatory-vulnerability-reporting";

    /// <summary>The law restricts sending unpublished vulnerabilities to foreign parties.</summary>
    public const string ExportRestrictedVulnerabilities = "export-restricted-vulnerabilities";

    /// <summary>The jurisdiction is under sanctions that forbid sharing.</summary>
    public const string Sanctioned = "sanctioned";

    public static IReadOnlyList<string> Known { get; } =
        [MandatoryVulnerabilityReporting, ExportRestrictedVulnerabilities, Sanctioned];

    public static string Describe(string fact) => fact switch
    {
        MandatoryVulnerabilityReporting => "jurisdictions with mandatory government reporting",
        ExportRestrictedVulnerabilities => "jurisdictions restricting vulnerability export",
        Sanctioned => "sanctioned jurisdictions",
        _ => $"jurisdictions where '{fact}' holds",
    };

    public static string Parse(string? fact)
    {
        var f = fact?.Trim().ToLowerInvariant() ?? "";
        return Known.Contains(f)
            ? f
            : throw new DomainException("unknown-jurisdiction-fact",
                $"'{fact}' is not a known jurisdiction fact; use one of {string.Join(", ", Known)}.");
    }
}
