using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Forewarn.Benchmarks.Taxii;

/// <summary>What seeding made: the one partner's key, how many advisories, and how long it took.</summary>
public sealed record SeededCollection(string PartnerName, string PartnerKey, int Advisories, TimeSpan Took)
{
    /// <summary>The STIX objects the seeded advisories map to (the demo programme's released advisories come on top).</summary>
    public int SeededObjects => Advisories * CollectionSeeder.ObjectsPerAdvisory;
}

/// <summary>
/// Seeds the TAXII collection of ONE partner through the public staff API: a tier of its own
/// (30-day lead times, so no other tier's lead time reaches the release 20 days ahead), an active
/// partner on it with a key, and advisories each with one CVE and three artifacts (notice,
/// mitigation, ten SHA-256 indicators), scheduled, with a wave publishing all three now. Each
/// advisory maps to 25 STIX objects (docs/stix.md): vulnerability, report, note,
/// course-of-action + mitigates, 10 indicators + 10 indicates.
/// </summary>
public static class CollectionSeeder
{
    public const int IndicatorsPerAdvisory = 10;

    /// <summary>1 vulnerability + 1 report + 1 note + (course-of-action + relationship) + 10 × (indicator + relationship).</summary>
    public const int ObjectsPerAdvisory = 1 + 1 + 1 + 2 + (2 * IndicatorsPerAdvisory);

    public const string TierName = "TAXII bench";
    public const string PartnerName = "TAXII Bench Pager Ltd";
    private const string Prefix = "FW-TAXII-";

    public static int AdvisoriesFor(int objects) => (objects + ObjectsPerAdvisory - 1) / ObjectsPerAdvisory;

    public static async Task<SeededCollection> SeedAsync(HttpClient staff, int objects, int concurrency, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await PostAsync(staff, "/api/v1/tiers", new
        {
            name = TierName,
            description = "One partner for the TAXII paging benchmark: everything from the first wave.",
            leadTimeDays = new Dictionary<string, double> { ["notice"] = 30, ["mitigation"] = 30, ["indicators"] = 30 },
        }, ct);
        var partner = await PostAsync(staff, "/api/v1/partners", new
        {
            legalName = PartnerName,
            headquartersCountry = "DE",
            jurisdictions = new[] { "DE" },
            category = "antivirus-edr",
            tier = TierName,
            contract = new { ndaVersion = "NDA-2026", signedAt = DateTimeOffset.UtcNow.AddDays(-30), expiresAt = DateTimeOffset.UtcNow.AddYears(2) },
        }, ct);
        var partnerId = (string)partner["id"]!;
        await PostAsync(staff, $"/api/v1/partners/{partnerId}/status", new { status = "active", reason = "TAXII benchmark" }, ct);
        var key = (string)(await PostAsync(staff, "/api/v1/keys", new { owner = "partner", partnerId, name = "taxii-bench" }, ct))["token"]!;

        var n = AdvisoriesFor(objects);
        var release = DateTimeOffset.UtcNow.AddDays(20);
        var done = 0;
        var progress = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, n), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, ct) =>
        {
            await SeedAdvisoryAsync(staff, i, release, ct);
            var d = Interlocked.Increment(ref done);
            if (d % 50 == 0 || d == n)
            {
                lock (progress)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {d}/{n} advisories seeded, {progress.Elapsed.TotalSeconds:0.0} s ({d * 6 / progress.Elapsed.TotalSeconds:0} writes/s so far)"));
                }
            }
        });
        return new SeededCollection(PartnerName, key, n, watch.Elapsed);
    }

    /// <summary>Six writes: create, three artifacts, schedule, a wave that went out just now.</summary>
    private static async Task SeedAdvisoryAsync(HttpClient staff, int i, DateTimeOffset release, CancellationToken ct)
    {
        var reference = $"{Prefix}{i:00000}";
        await PostAsync(staff, "/api/v1/advisories", new
        {
            reference,
            title = $"TAXII benchmark advisory {i}",
            summary = "Remote code execution in the management interface, for the TAXII paging benchmark.",
            cveIds = new[] { string.Create(CultureInfo.InvariantCulture, $"CVE-2026-{70000 + i}") },
            products = new[] { "Halcyon Gateway 5.2" },
            cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            releaseAt = release,
        }, ct);
        var artifacts = new List<string>(3);
        foreach (var (title, cls, text) in Artifacts(i))
            artifacts.Add((string)(await PostAsync(staff, $"/api/v1/advisories/{reference}/artifacts", new { title, @class = cls, tlp = "AMBER", text }, ct))["id"]!);
        await PostAsync(staff, $"/api/v1/advisories/{reference}/schedule", new { }, ct);
        // A little in the past (the API allows five minutes), so the wave has opened by the first page.
        await PostAsync(staff, $"/api/v1/advisories/{reference}/waves",
            new { kind = "initial", at = DateTimeOffset.UtcNow.AddSeconds(-30), artifactIds = artifacts }, ct);
    }

    private static IEnumerable<(string Title, string Class, string Text)> Artifacts(int i)
    {
        yield return ("Advance notice", "notice", $"Halcyon Gateway 5.2 is affected by a critical flaw (benchmark advisory {i}); a fix ships with the release.");
        yield return ("Mitigation", "mitigation", "Restrict the management interface to the administration network until the fix is installed.");
        var lines = new StringBuilder();
        for (var j = 1; j <= IndicatorsPerAdvisory; j++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"taxii-bench/{i}/{j}")));
            lines.Append(CultureInfo.InvariantCulture, $"sha256,{hash},web shell sample {j} of advisory {i}\n");
        }
        yield return ("Indicators", "indicators", lines.ToString());
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
