using System.Net;
using System.Net.Http.Json;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Api;

/// <summary>Bad input gets a clear 4xx problem and loses nothing: the store is exactly as before.</summary>
public sealed class BadInputTests(ForewarnFactory server) : IClassFixture<ForewarnFactory>
{
    // One server for the class: its tests are refusals that change nothing.
    private readonly ForewarnFactory _f = server;

    /// <summary>A fingerprint of everything in the store that a request could have changed.</summary>
    private Task<string> Snapshot() => _f.InStoreAsync(async db =>
    {
        var partners = await db.Partners.AsNoTracking().ToListAsync();
        var advisories = await db.Advisories.AsNoTracking().ToListAsync();
        var sb = new StringBuilder();
        foreach (var p in partners.OrderBy(p => p.LegalName))
            sb.Append(p.LegalName).Append(p.Status).Append(p.Tier).Append(p.History.Count).Append(p.HeadquartersCountry).Append(string.Join(",", p.Restrictions)).Append('|');
        foreach (var a in advisories.OrderBy(a => a.Reference))
            sb.Append(a.Reference).Append(a.Revisions.Count).Append(a.CvssVector).Append(a.ReleaseAt.UtcTicks).Append('|');
        sb.Append(await db.Artifacts.CountAsync()).Append('/').Append(await db.Waves.CountAsync()).Append('/')
          .Append(await db.ApiKeys.CountAsync()).Append('/').Append(await db.Tiers.CountAsync()).Append('/')
          .Append(await db.PolicyVersions.CountAsync()).Append('/').Append(await db.Jurisdictions.CountAsync());
        return sb.ToString();
    });

    private async Task Refused(Func<HttpClient, Task<HttpResponseMessage>> request, HttpStatusCode status, string code, string? mentions = null)
    {
        var before = await Snapshot();
        var problem = await (await request(_f.Staff())).Problem(status, code);
        if (mentions is not null) Assert.Contains(mentions, (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Snapshot());
    }

    private static object NewPartner(string country = "DE", string tier = "Entry", string[]? restrictions = null) => new
    {
        legalName = "Nightjar Security AG", headquartersCountry = country, category = "antivirus-edr", tier,
        contract = new { ndaVersion = "2024.2", signedAt = "2026-01-01T00:00:00Z", expiresAt = "2028-01-01T00:00:00Z" },
        restrictions = restrictions ?? [],
    };

    [Fact]
    public Task Unknown_country() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/partners", NewPartner(country: "XX")), HttpStatusCode.BadRequest, "unknown-country", "ISO 3166-1");

    [Fact]
    public Task Unknown_tier() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/partners", NewPartner(tier: "Platinum")), HttpStatusCode.BadRequest, "unknown-tier", "Entry");

    [Fact]
    public Task Unknown_restriction_class_loses_the_whole_partner() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/partners", NewPartner(restrictions: ["poc", "exploit"])), HttpStatusCode.BadRequest, "unknown-content-class");

    [Fact]
    public Task Malformed_cvss_vector() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/advisories", new
        {
            reference = "FW-2026-9001", title = "Test", cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", releaseAt = "2026-12-20T17:00:00Z",
        }), HttpStatusCode.BadRequest, "invalid-cvss-vector", "A are missing");

    [Fact]
    public async Task Illegal_status_change()
    {
        var removed = await _f.Staff().PostJson($"/api/v1/partners/{_f.PartnerInfo(DemoFacts.Entry).Id}/status",
            new { status = "removed", reason = "Contract ended" }, HttpStatusCode.OK);
        Assert.Equal("removed", (string?)removed["status"]);
        await Refused(c => c.PostAsJsonAsync($"/api/v1/partners/{_f.PartnerInfo(DemoFacts.Entry).Id}/status", new { status = "active", reason = "Oops" }),
            HttpStatusCode.Conflict, "illegal-status-change", "removal is final");
        await Refused(c => c.PostAsJsonAsync($"/api/v1/partners/{_f.PartnerInfo("Umbra").Id}/status", new { status = "probation", reason = "x" }),
            HttpStatusCode.Conflict, "illegal-status-change", "from applicant it can move to active, removed");
    }

    [Fact]
    public Task Status_change_without_a_reason() =>
        Refused(c => c.PostAsJsonAsync($"/api/v1/partners/{_f.PartnerInfo(DemoFacts.Trusted).Id}/status", new { status = "suspended" }),
            HttpStatusCode.BadRequest, "invalid-field", "reason");

    [Fact]
    public Task Oversized_body() =>
        Refused(c => c.PostAsync("/api/v1/partners", new StringContent(new string(' ', 300 * 1024) + "{}", Encoding.UTF8, "application/json")),
            HttpStatusCode.RequestEntityTooLarge, "body-too-large");

    [Fact]
    public Task Oversized_artifact() =>
        Refused(c => c.PostAsJsonAsync($"/api/v1/advisories/{DemoFacts.Replay}/artifacts",
            new { title = "Huge", @class = "poc", tlp = "RED", contentBase64 = Convert.ToBase64String(new byte[11 * 1024 * 1024]) }),
            HttpStatusCode.BadRequest, "content-too-large");

    [Fact]
    public Task Malformed_json() =>
        Refused(c => c.PostAsync("/api/v1/partners", new StringContent("{\"legalName\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "malformed-json");

    [Fact]
    public Task Wrongly_typed_json() =>
        Refused(c => c.PostAsync("/api/v1/advisories", new StringContent("{\"reference\":\"FW-2026-9002\",\"title\":\"x\",\"releaseAt\":\"next tuesday\"}", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "malformed-json");

    [Fact]
    public async Task Wave_naming_an_artifact_of_another_advisory()
    {
        var foreign = await DemoFacts.ArtifactId(_f.Staff(), DemoFacts.Replay, "notice");
        await Refused(c => c.PostAsJsonAsync($"/api/v1/advisories/{DemoFacts.EmbargoReference(_f)}/waves",
            new { kind = "update", at = ForewarnFactory.Start.AddHours(1), artifactIds = new[] { foreign } }), HttpStatusCode.BadRequest, "unknown-artifact");
    }

    [Fact]
    public Task Unknown_partner_is_a_404_problem() =>
        Refused(c => c.GetAsync($"/api/v1/partners/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");

    [Theory]
    [InlineData(1e308)]
    [InlineData(2147483648d)]
    [InlineData(-1d)]
    public async Task A_webhook_rotation_overlap_out_of_range_is_refused_and_changes_nothing(double hours)
    {
        var partner = _f.Partner(DemoFacts.Trusted);
        var endpoint = await partner.PostJson("/api/v1/me/webhooks", new { url = "https://hooks.example/overlap", events = new[] { "wave.published" } },
            HttpStatusCode.Created);
        var id = (string)endpoint["endpoint"]!["id"]!;
        var before = await partner.GetStringAsync("/api/v1/me/webhooks");
        var problem = await (await partner.PostAsJsonAsync($"/api/v1/me/webhooks/{id}/rotate", new { overlapHours = hours }))
            .Problem(HttpStatusCode.BadRequest, "invalid-field");
        Assert.Contains("overlapHours", (string?)problem["detail"]);
        Assert.Equal(before, await partner.GetStringAsync("/api/v1/me/webhooks"));
        await partner.DeleteAsync($"/api/v1/me/webhooks/{id}");
    }

    [Fact]
    public Task Bad_query_parameter() =>
        Refused(c => c.GetAsync($"/api/v1/explain?partner={Guid.NewGuid()}&artifact={Guid.NewGuid()}&at=yesterday"), HttpStatusCode.BadRequest, "bad-request");

    [Fact]
    public Task Unknown_route_is_a_problem_too() =>
        Refused(c => c.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound, "not-found");

    [Fact]
    public Task Duplicate_reference_is_a_conflict() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/advisories", new { reference = DemoFacts.Replay, title = "Again", releaseAt = "2026-12-20T17:00:00Z" }),
            HttpStatusCode.Conflict, "duplicate");

    [Fact]
    public Task Backdated_policy_version() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/policy/versions", new
        {
            effectiveFrom = ForewarnFactory.Start.AddDays(-1), reason = "rewrite history", rules = Array.Empty<object>(),
        }), HttpStatusCode.BadRequest, "policy-in-past", "in the past");

    [Fact]
    public Task Policy_version_with_an_unknown_fact() =>
        Refused(c => c.PostAsJsonAsync("/api/v1/policy/versions", new
        {
            reason = "test", rules = new[] { new { id = "R9", kind = "jurisdiction-limit", title = "x", fact = "likes-cats", classes = new[] { "notice" }, atReleaseOnly = false } },
        }), HttpStatusCode.BadRequest, "unknown-jurisdiction-fact");
}
