using System.Net.Http.Json;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Transparency;
using Forewarn.Transparency.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// Each staff action is one log entry, written before the answer, saying who did what — and the
/// partner it concerns, so that partner can read it. A key's token never reaches the log.
/// </summary>
public sealed class StaffActionLogTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    /// <summary>How staff's demo key appears as the actor: "name (prefix)".</summary>
    private string StaffActor => $"({_f.Credentials.Staff.ApiKey[3..15]})";

    [Fact]
    public async Task Issuing_and_revoking_a_key_are_one_entry_each_naming_the_partner_and_never_the_token()
    {
        var staff = _f.Staff();
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var issued = await staff.PostJson("/api/v1/keys",
            new { owner = "partner", partnerId = bastion, name = "SIEM feed", scopes = new[] { "partner:read" } }, HttpStatusCode.Created);
        var id = (string)issued["key"]!["id"]!;
        var token = (string)issued["token"]!;

        var entry = await LogEntries.SingleAsync(staff, LogKinds.KeyIssued, "key", id);
        Assert.Equal(bastion.ToString(), (string?)entry["partner_id"]);
        var body = entry["entry"]!;
        Assert.Equal((string?)issued["key"]!["prefix"], (string?)body["prefix"]);
        Assert.Equal("partner", (string?)body["owner"]);
        Assert.Equal(bastion.ToString(), (string?)body["partner"]);
        Assert.Equal("SIEM feed", (string?)body["name"]);
        Assert.Equal(["partner:read"], body["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.NotNull((string?)body["expires_at"]);
        Assert.EndsWith(StaffActor, (string?)body["actor"]);
        Assert.NotNull((string?)body["actor_key"]);
        var secret = token.Split('_', 3)[2]; // fw_<prefix>_<secret>: the secret itself may hold '_'
        Assert.DoesNotContain(secret, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hash", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        await staff.PostJson($"/api/v1/keys/{id}/revoke", new { }, HttpStatusCode.OK);
        var revoked = await LogEntries.SingleAsync(staff, LogKinds.KeyRevoked, "key", id);
        Assert.Equal(bastion.ToString(), (string?)revoked["partner_id"]);
        Assert.True((long)revoked["index"]! > (long)entry["index"]!);
        // Revoking again is refused (409) and changes nothing, so it logs nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/keys/{id}/revoke", new { })).StatusCode);
        Assert.Single(await LogEntries.OfKindAsync(staff, LogKinds.KeyRevoked), e => (string?)e["entry"]!["key"] == id);

        // The partner reads both entries about its key among its own.
        var mine = await LogEntries.AllAsync(_f.Partner(DemoFacts.Trusted), path: "/api/v1/me/log/entries");
        Assert.Contains(mine, e => (string?)e["kind"] == LogKinds.KeyIssued && (string?)e["entry"]!["key"] == id);
        Assert.Contains(mine, e => (string?)e["kind"] == LogKinds.KeyRevoked && (string?)e["entry"]!["key"] == id);
    }

    [Fact]
    public async Task A_policy_version_is_one_entry_with_its_number_rules_and_their_hash()
    {
        var staff = _f.Staff();
        var version = await staff.PostJson("/api/v1/policy/versions", new
        {
            effectiveFrom = ForewarnFactory.Start.AddHours(1),
            reason = "Test: PoC withheld on probation only",
            rules = new object[]
            {
                new { id = "R1", kind = "public-at-release", title = "Public at release", classes = new[] { "notice", "description" }, atReleaseOnly = false },
                new { id = "R2", kind = "probation-withhold", title = "No PoC on probation", classes = new[] { "poc" }, atReleaseOnly = false },
            },
        }, HttpStatusCode.Created);
        var number = (int)version["number"]!;

        var entries = await LogEntries.OfKindAsync(staff, LogKinds.PolicyChanged);
        var entry = Assert.Single(entries)["entry"]!;
        Assert.Equal(number, (int)entry["version"]!);
        Assert.Equal(number - 1, (int)entry["previous_version"]!);
        Assert.Equal("Test: PoC withheld on probation only", (string?)entry["reason"]);
        Assert.StartsWith("2026-11-28T13:00:00", (string?)entry["effective_from"]);
        var rules = entry["rules"]!.AsArray();
        Assert.Equal(["R1", "R2"], rules.Select(r => (string)r!["id"]!));
        Assert.Equal(["poc"], rules[1]!["classes"]!.AsArray().Select(c => (string)c!));
        var canonical = CanonicalJson.Canonicalize(rules.ToJsonString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), (string?)entry["rules_sha256"]);
        Assert.EndsWith(StaffActor, (string?)entry["actor"]);
        Assert.Null(Assert.Single(entries)["partner_id"]); // programme-wide: no partner's own entry
    }

    [Fact]
    public async Task Adding_and_changing_a_partner_log_each_change_with_old_and_new_values()
    {
        var staff = _f.Staff();
        var created = await staff.PostJson("/api/v1/partners", new
        {
            legalName = "Halyard Threat Labs Oy", headquartersCountry = "FI", jurisdictions = Array.Empty<string>(), category = "cert",
            tier = "Entry", contract = new { ndaVersion = "2024.2", signedAt = ForewarnFactory.Start.AddDays(-1), expiresAt = ForewarnFactory.Start.AddYears(1) },
        }, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var first = Assert.Single(await LogEntries.AllAsync(staff, $"partner={id}"));
        Assert.Equal(LogKinds.PartnerChanged, (string?)first["kind"]);
        Assert.Equal("created", (string?)first["entry"]!["change"]);
        Assert.Equal("Halyard Threat Labs Oy", (string?)first["entry"]!["changes"]!["legal_name"]!["to"]);
        Assert.Equal("applicant", (string?)first["entry"]!["changes"]!["status"]!["to"]);

        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/partners/{id}")
        {
            Content = JsonContent.Create(new { restrictions = new[] { "poc" }, contract = new { ndaVersion = "2025.1" } }),
        })).StatusCode);
        await staff.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/partners/{id}/tier") { Content = JsonContent.Create(new { tier = "Trusted" }) });
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "Vetting complete" }, HttpStatusCode.OK);
        // The same values again are no change, and no entry.
        await staff.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/partners/{id}") { Content = JsonContent.Create(new { restrictions = new[] { "poc" } }) });

        var entries = await LogEntries.AllAsync(staff, $"partner={id}");
        Assert.Equal(["created", "updated", "tier", "status"], entries.Select(e => (string)e["entry"]!["change"]!));
        Assert.All(entries, e => Assert.Equal(LogKinds.PartnerChanged, (string?)e["kind"]));
        var updated = entries[1]["entry"]!["changes"]!.AsObject();
        Assert.Equal(["contract", "restrictions"], updated.Select(c => c.Key).Order());
        Assert.Equal("2024.2", (string?)updated["contract"]!["from"]!["nda_version"]);
        Assert.Equal("2025.1", (string?)updated["contract"]!["to"]!["nda_version"]);
        Assert.Empty(updated["restrictions"]!["from"]!.AsArray());
        Assert.Equal("Entry", (string?)entries[2]["entry"]!["changes"]!["tier"]!["from"]);
        Assert.Equal("Trusted", (string?)entries[2]["entry"]!["changes"]!["tier"]!["to"]);
        var status = entries[3]["entry"]!;
        Assert.Equal(["status"], status["changes"]!.AsObject().Select(c => c.Key));
        Assert.Equal("applicant", (string?)status["changes"]!["status"]!["from"]);
        Assert.Equal("active", (string?)status["changes"]!["status"]!["to"]);
        Assert.Equal("Vetting complete", (string?)status["reason"]);
        Assert.All(entries, e => Assert.EndsWith(StaffActor, (string?)e["entry"]!["actor"]));
    }

    [Fact]
    public async Task A_suspended_partner_reads_the_entry_of_its_own_suspension()
    {
        var staff = _f.Staff();
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        await staff.PostJson($"/api/v1/partners/{bastion}/status", new { status = "suspended", reason = "Suspected leak under review" }, HttpStatusCode.OK);
        // Its key still reads its own entries: the organisation can see why it was suspended, and by whom.
        var mine = await LogEntries.AllAsync(_f.Partner(DemoFacts.Trusted), path: "/api/v1/me/log/entries");
        var entry = Assert.Single(mine, e => (string?)e["kind"] == LogKinds.PartnerChanged);
        Assert.Equal("active", (string?)entry["entry"]!["changes"]!["status"]!["from"]);
        Assert.Equal("suspended", (string?)entry["entry"]!["changes"]!["status"]!["to"]);
        Assert.Equal("Suspected leak under review", (string?)entry["entry"]!["reason"]);
        Assert.EndsWith(StaffActor, (string?)entry["entry"]!["actor"]);
    }

    [Fact]
    public async Task A_change_made_while_the_log_cannot_be_written_keeps_its_staged_entry_and_the_next_sequencer_takes_it_in()
    {
        var staff = _f.Staff();
        var bastion = _f.PartnerInfo(DemoFacts.Trusted).Id;
        // Stopping the sequencer is what a log that cannot be written looks like to a request.
        await _f.Services.GetRequiredService<TransparencyLog>().StopAsync(CancellationToken.None);

        var response = await staff.PostAsJsonAsync("/api/v1/keys", new { owner = "partner", partnerId = bastion, name = "Staged" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var keyId = (string)(await response.Json(HttpStatusCode.Created))["key"]!["id"]!;
        // The change and its entry were committed together; the entry waits, staged, for a sequencer.
        var staged = await _f.InStoreAsync(db => db.LogPending.AsNoTracking().ToListAsync());
        // (the release scheduler may have staged a release of its own meanwhile)
        var waiting = Assert.Single(staged, p => p.Kind == LogKinds.KeyIssued);
        Assert.Contains(keyId, Encoding.UTF8.GetString(waiting.Body), StringComparison.Ordinal);

        // Another server on the same store (or this one after a restart) takes it in when it starts.
        await using var second = new SecondServer(_f);
        var secondStaff = second.WithKey(_f.Credentials.Staff.ApiKey);
        var deadline = DateTime.UtcNow.AddSeconds(20); // its sequencer takes staged entries in as it starts, beside the first requests
        while (!(await LogEntries.AllAsync(secondStaff, $"kind={LogKinds.KeyIssued}")).Any(e => (string?)e["entry"]!["key"] == keyId))
        {
            Assert.True(DateTime.UtcNow < deadline, "the staged entry never reached the log");
            await Task.Delay(100);
        }
        Assert.DoesNotContain(await _f.InStoreAsync(db => db.LogPending.AsNoTracking().ToListAsync()), p => p.Id == waiting.Id);
    }
}
