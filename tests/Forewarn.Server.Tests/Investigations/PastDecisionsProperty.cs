using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// The access entries in the log hold what was decided at the time. After any sequence of later
/// changes — the partner's tier, restrictions, jurisdictions and contract, a tier's lead times, a
/// jurisdiction's facts, the advisory's release time, waves planned and cancelled, probation —
/// re-deciding every logged decision at its own time (explain with <c>at</c>) gives the logged verdict.
/// </summary>
public sealed class PastDecisionsProperty
{
    public enum Op { Wait, Fetch, Tier, Restrict, Jurisdictions, ChinaFacts, LeadTimes, Release, Wave, CancelWave, Probation, Contract }

    public sealed record Step(Op Op, int A)
    {
        public override string ToString() => $"{Op}({A})";
    }

    private static readonly string[] Classes = ["notice", "description", "detection", "indicators", "mitigation", "poc"];

    private static readonly Gen<Step> Steps =
        from op in Gen.Frequency(
            (4, Gen.Constant(Op.Wait)), (5, Gen.Constant(Op.Fetch)), (1, Gen.Constant(Op.Tier)), (1, Gen.Constant(Op.Restrict)),
            (1, Gen.Constant(Op.Jurisdictions)), (1, Gen.Constant(Op.ChinaFacts)), (1, Gen.Constant(Op.LeadTimes)),
            (1, Gen.Constant(Op.Release)), (1, Gen.Constant(Op.Wave)), (1, Gen.Constant(Op.CancelWave)),
            (1, Gen.Constant(Op.Probation)), (1, Gen.Constant(Op.Contract)))
        from a in Gen.Choose(1, 4000)
        select new Step(op, a);

    [Fact]
    public async Task Re_deciding_any_logged_decision_at_its_own_time_gives_the_logged_verdict_after_later_changes()
    {
        var plans = Replayed() is { } one ? [one] : Gen.ArrayOf(Steps, 18).Sample(CasesFromEnvironment());
        foreach (var plan in plans) await RunAsync(plan);
    }

    /// <summary>A failing plan as its message prints it (FOREWARN_PAST_PLAN="Fetch(12) Wait(30) …"), to run it again.</summary>
    private static Step[]? Replayed() =>
        Environment.GetEnvironmentVariable("FOREWARN_PAST_PLAN") is { Length: > 0 } text
            ? [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s =>
                new Step(Enum.Parse<Op>(s[..s.IndexOf('(')]), int.Parse(s[(s.IndexOf('(') + 1)..^1], CultureInfo.InvariantCulture)))]
            : null;

    private static int CasesFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("FOREWARN_PAST_CASES"), out var n) && n > 0 ? n : 6;

    private static async Task RunAsync(Step[] plan)
    {
        var context = string.Join(" ", plan.Select(s => s.ToString()));
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        var advisory = await DemoFacts.Advisory(staff, reference);
        var artifacts = advisory["artifacts"]!.AsArray().Select(a => (Id: (string)a!["id"]!, Class: (string)a!["class"]!)).ToList();
        var (partner, key) = await CreatePartnerAsync(staff);
        var client = f.WithKey(key);
        var fetched = 0;

        foreach (var step in plan)
        {
            var now = f.Clock.GetUtcNow();
            switch (step.Op)
            {
                case Op.Wait:
                    f.Clock.Advance(TimeSpan.FromMinutes(step.A * 3));
                    break;
                case Op.Fetch:
                    foreach (var (id, _) in artifacts) await Done(client.GetAsync($"/api/v1/me/artifacts/{id}/content"));
                    fetched++;
                    break;
                case Op.Tier:
                    await Done(staff.PutAsJsonAsync($"/api/v1/partners/{partner}/tier", new { tier = new[] { "Entry", "Trusted", "Validate" }[step.A % 3] }));
                    break;
                case Op.Restrict:
                    await Done(staff.PatchAsJsonAsync($"/api/v1/partners/{partner}", new { restrictions = Subset(step.A) }));
                    break;
                case Op.Jurisdictions:
                    await Done(staff.PatchAsJsonAsync($"/api/v1/partners/{partner}", new { jurisdictions = step.A % 2 == 0 ? Array.Empty<string>() : ["CN"] }));
                    break;
                case Op.ChinaFacts:
                    await Done(staff.PutAsJsonAsync("/api/v1/jurisdictions/CN", new
                    {
                        name = "China", facts = step.A % 2 == 0 ? Array.Empty<string>() : ["mandatory-vulnerability-reporting", "export-restricted-vulnerabilities"],
                    }));
                    break;
                case Op.LeadTimes:
                    await Done(staff.PutAsJsonAsync("/api/v1/tiers/Trusted", new
                    {
                        description = "Changed by the property",
                        leadTimeDays = Subset(step.A).ToDictionary(c => c, c => (double)(step.A % 7)),
                    }));
                    break;
                case Op.Release:
                    await Done(staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/release-time", new
                    {
                        releaseAt = now.AddHours(1 + step.A % 120), reason = "Moved by the property",
                    }));
                    break;
                case Op.Wave:
                    await Done(staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/waves", new
                    {
                        kind = "update", at = now.AddMinutes(step.A % 3000), note = "Planned by the property",
                        artifactIds = artifacts.Where((_, i) => (step.A >> i & 1) == 1 || i == step.A % artifacts.Count).Select(a => a.Id).ToArray(),
                    }));
                    break;
                case Op.CancelWave:
                    var waves = await staff.GetJson($"/api/v1/advisories/{reference}/waves");
                    var future = waves.AsArray().Where(w => DateTimeOffset.Parse((string)w!["at"]!, CultureInfo.InvariantCulture) > now)
                        .Select(w => (int)w!["number"]!).ToList();
                    if (future.Count > 0) await Done(staff.DeleteAsync($"/api/v1/advisories/{reference}/waves/{future[step.A % future.Count]}"));
                    break;
                case Op.Probation:
                    await Done(staff.PostAsJsonAsync($"/api/v1/partners/{partner}/status", new { status = step.A % 2 == 0 ? "active" : "probation", reason = "Changed by the property" }));
                    break;
                case Op.Contract:
                    await Done(staff.PatchAsJsonAsync($"/api/v1/partners/{partner}", new
                    {
                        contract = new { ndaVersion = "2026.1", signedAt = "2026-01-01T00:00:00Z", expiresAt = now.AddMinutes(step.A) },
                    }));
                    break;
            }
        }

        var records = (await staff.GetJson($"/api/v1/access-records?limit=1000&partner={partner}")).AsArray().Select(r => r!).ToList();
        Assert.Equal(fetched * artifacts.Count, records.Count);
        foreach (var record in records)
        {
            var at = DateTimeOffset.Parse((string)record["at"]!, CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrEmpty((string?)record["factsVersion"]), "An access entry names the facts version it was decided under.");
            var again = await staff.GetJson(
                $"/api/v1/explain?partner={partner}&artifact={record["artifactId"]}&at={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}&factsVersion={record["factsVersion"]}");
            var logged = (string)record["verdict"]! == "refused-copy" ? "allowed" : (string)record["verdict"]!;
            Assert.True(logged == (string?)again["verdict"],
                $"{context}: logged {record["verdict"]} at {at:O} for {record["artifactId"]} ({record["explanation"]}), re-decided {again["verdict"]} ({again["explanation"]})");
        }
    }

    /// <summary>A change may be refused (a release that already passed), but never fail.</summary>
    private static async Task Done(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
    }

    private static string[] Subset(int bits) => [.. Classes.Where((_, i) => (bits >> i & 1) == 1)];

    private static async Task<(string Id, string Key)> CreatePartnerAsync(HttpClient staff)
    {
        var created = await staff.PostJson("/api/v1/partners", new
        {
            legalName = "Past Decisions Partner", headquartersCountry = "DE", category = "antivirus-edr", tier = "Trusted",
            contract = new { ndaVersion = "2024.2", signedAt = "2026-01-01T00:00:00Z", expiresAt = "2028-01-01T00:00:00Z" },
        }, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Application accepted" }, HttpStatusCode.OK);
        var key = await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId = id, name = "property key" }, HttpStatusCode.Created);
        return (id, (string)key["token"]!);
    }
}
