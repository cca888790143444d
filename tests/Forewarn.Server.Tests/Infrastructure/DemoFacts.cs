using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>Names in the demo programme the tests rely on.</summary>
internal static class DemoFacts
{
    public const string Replay = "FW-2025-0708";
    public const string Trusted = "Bastion";       // Trusted, DE
    public const string Validate = "Corvid";       // Validate, US
    public const string Entry = "Emberline";       // Entry, GB
    public const string China = "Jadewall";        // Trusted, CN (mandatory reporting)
    public const string Restricted = "Quillon";    // Trusted, JP, no poc
    public const string Suspended = "Tidewater";
    public const string Probation = "Saffron";
    public const string Leaker = "Mistral";        // Trusted, FR: suspended by the demo's case, its PoC copy found (DemoInvestigation)

    /// <summary>The advisory under embargo: released four days after the demo was loaded.</summary>
    public static string EmbargoReference(ForewarnFactory f)
    {
        var release = new DateTimeOffset(ForewarnFactory.Start.Year, ForewarnFactory.Start.Month, ForewarnFactory.Start.Day, 17, 0, 0, TimeSpan.Zero).AddDays(4);
        return $"FW-{release.Year}-{release.Month:00}{release.Day:00}";
    }

    public static async Task<string> ArtifactId(HttpClient staff, string advisory, string cls)
    {
        var a = await staff.GetJson($"/api/v1/advisories/{advisory}");
        return (string)a["artifacts"]!.AsArray().First(x => (string?)x!["class"] == cls)!["id"]!;
    }

    public static async Task<JsonNode> Advisory(HttpClient staff, string reference) =>
        await staff.GetJson($"/api/v1/advisories/{reference}");
}
