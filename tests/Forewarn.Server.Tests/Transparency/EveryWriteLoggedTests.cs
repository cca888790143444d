using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// "Every access and every change is an entry": each write operation the OpenAPI document lists
/// (POST, PUT, PATCH, DELETE) is carried out once for real, and the log must hold a new entry of
/// the kind that records it, naming the caller. The operations come from the document, so a new
/// write endpoint without a case here fails this test — there is no list of exempt writes.
/// </summary>
public sealed class EveryWriteLoggedTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public EveryWriteLoggedTests()
    {
        // Three actions need four eyes here, so the approval endpoints have something to decide and collect.
        _f.Settings["approvals:partnerRemoval"] = "on";
        _f.Settings["approvals:staffWriteKey"] = "on";
        _f.Settings["approvals:writeRoleInvitation"] = "on";
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private sealed record Write(string Kind, Func<Task<HttpResponseMessage>> Send);

    [Fact]
    public async Task Every_write_operation_in_the_OpenAPI_document_leaves_a_log_entry_of_its_kind()
    {
        var staff = _f.Staff();
        var partner = _f.Partner(DemoFacts.Trusted);
        var partnerId = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var embargoed = DemoFacts.EmbargoReference(_f);
        var ids = new Dictionary<string, string>();

        async Task<HttpResponseMessage> Remember(Task<HttpResponseMessage> sending, string name, Func<JsonNode, string> id)
        {
            var response = await sending;
            if (response.IsSuccessStatusCode) ids[name] = id((await response.Content.ReadFromJsonAsync<JsonNode>())!);
            return response;
        }

        Task<HttpResponseMessage> Json(HttpClient client, HttpMethod method, string url, object? body) =>
            client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

        var csaf = await staff.GetStringAsync($"/api/v1/advisories/{DemoFacts.Replay}/csaf");
        var description = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "description");
        var deadDelivery = await DeadDeliveryAsync(partnerId);
        var report = (string)(await partner.AcceptingTaxii().AllObjects()).First(o => Taxii.Taxii.HasReportOf([o], DemoFacts.Replay))["id"]!;

        // In the order they run: later operations use what earlier ones made.
        var cases = new List<(string Operation, Write Write)>
        {
            ("POST /api/v1/tiers", new(LogKinds.TierChanged, () => Json(staff, HttpMethod.Post, "/api/v1/tiers",
                new { name = "Observer", description = "Sees notices", leadTimeDays = new Dictionary<string, double> { ["notice"] = 1 } }))),
            ("PUT /api/v1/tiers/{name}", new(LogKinds.TierChanged, () => Json(staff, HttpMethod.Put, "/api/v1/tiers/Observer",
                new { description = "Sees notices a day early" }))),
            ("POST /api/v1/jurisdictions", new(LogKinds.JurisdictionChanged, () => Json(staff, HttpMethod.Post, "/api/v1/jurisdictions",
                new { code = "XK", name = "Kosovo", facts = Array.Empty<string>(), notes = "" }))),
            ("PUT /api/v1/jurisdictions/{code}", new(LogKinds.JurisdictionChanged, () => Json(staff, HttpMethod.Put, "/api/v1/jurisdictions/XK",
                new { notes = "Registered for a test" }))),
            ("POST /api/v1/partners", new(LogKinds.PartnerChanged, () => Remember(Json(staff, HttpMethod.Post, "/api/v1/partners", new
            {
                legalName = "Lanternfish Security", headquartersCountry = "NL", jurisdictions = new[] { "NL" }, category = "antivirus-edr",
                tier = "Entry", contract = new { ndaVersion = "2025-1", signedAt = ForewarnFactory.Start.AddDays(-3) },
            }), "partner", j => (string)j["id"]!))),
            ("PATCH /api/v1/partners/{id}", new(LogKinds.PartnerChanged, () => Json(staff, HttpMethod.Patch, $"/api/v1/partners/{ids["partner"]}",
                new { legalName = "Lanternfish Security B.V." }))),
            ("PUT /api/v1/partners/{id}/tier", new(LogKinds.PartnerChanged, () => Json(staff, HttpMethod.Put, $"/api/v1/partners/{ids["partner"]}/tier",
                new { tier = "Trusted" }))),
            ("POST /api/v1/partners/{id}/status", new(LogKinds.PartnerChanged, () => Json(staff, HttpMethod.Post,
                $"/api/v1/partners/{ids["partner"]}/status", new { status = "active", reason = "NDA signed" }))),
            ("POST /api/v1/partners/{id}/reviews", new(LogKinds.PartnerReviewed, () => Json(staff, HttpMethod.Post,
                $"/api/v1/partners/{ids["partner"]}/reviews", new { note = "Vetting renewed" }))),
            ("POST /api/v1/keys", new(LogKinds.KeyIssued, () => Remember(Json(staff, HttpMethod.Post, "/api/v1/keys",
                new { owner = "partner", partnerId = ids["partner"], name = "feed", scopes = new[] { "partner:read" } }), "key", j => (string)j["key"]!["id"]!))),
            ("PUT /api/v1/keys/{id}/networks", new(LogKinds.NetworksChanged, () => Json(staff, HttpMethod.Put, $"/api/v1/keys/{ids["key"]}/networks",
                new { networks = new[] { "192.0.2.0/24" } }))),
            ("DELETE /api/v1/keys/{id}/networks", new(LogKinds.NetworksChanged, () => staff.DeleteAsync($"/api/v1/keys/{ids["key"]}/networks"))),
            ("PUT /api/v1/partners/{id}/networks", new(LogKinds.NetworksChanged, () => Json(staff, HttpMethod.Put, $"/api/v1/partners/{ids["partner"]}/networks",
                new { networks = new[] { "2001:db8::/48" } }))),
            ("DELETE /api/v1/partners/{id}/networks", new(LogKinds.NetworksChanged, () => staff.DeleteAsync($"/api/v1/partners/{ids["partner"]}/networks"))),
            ("POST /api/v1/keys/{id}/revoke", new(LogKinds.KeyRevoked, () => Json(staff, HttpMethod.Post, $"/api/v1/keys/{ids["key"]}/revoke", new { }))),
            ("DELETE /api/v1/keys/{id}", new(LogKinds.KeyRevoked, async () =>
            {
                await Remember(Json(staff, HttpMethod.Post, "/api/v1/keys",
                    new { owner = "partner", partnerId = ids["partner"], name = "second", scopes = new[] { "partner:read" } }), "key2", j => (string)j["key"]!["id"]!);
                return await staff.DeleteAsync($"/api/v1/keys/{ids["key2"]}");
            })),
            ("POST /api/v1/policy/versions", new(LogKinds.PolicyChanged, async () =>
            {
                var current = await staff.GetJson("/api/v1/policy");
                return await Json(staff, HttpMethod.Post, "/api/v1/policy/versions",
                    new { effectiveFrom = ForewarnFactory.Start.AddHours(1), reason = "Same rules again", rules = current["rules"] });
            })),
            ("POST /api/v1/advisories", new(LogKinds.AdvisoryChanged, () => Json(staff, HttpMethod.Post, "/api/v1/advisories", new
            {
                reference = "FW-2026-0900", title = "Test advisory", summary = "A flaw", cveIds = new[] { "CVE-2026-1900" },
                products = new[] { "Widget 1" }, releaseAt = ForewarnFactory.Start.AddDays(10),
            }))),
            ("PATCH /api/v1/advisories/{id}", new(LogKinds.AdvisoryChanged, () => Json(staff, HttpMethod.Patch, "/api/v1/advisories/FW-2026-0900",
                new { title = "Test advisory (revised)", change = "clearer title" }))),
            ("PUT /api/v1/advisories/{id}/details", new(LogKinds.AdvisoryChanged, () => Json(staff, HttpMethod.Put,
                "/api/v1/advisories/FW-2026-0900/details", new { details = new { tlp = "AMBER+STRICT" }, change = "stricter label" }))),
            ("POST /api/v1/advisories/{id}/artifacts", new(LogKinds.ArtifactAdded, () => Remember(Json(staff, HttpMethod.Post,
                "/api/v1/advisories/FW-2026-0900/artifacts", new { title = "Notice", @class = "notice", tlp = "AMBER", text = "A fix is coming." }),
                "artifact", j => (string)j["id"]!))),
            ("POST /api/v1/advisories/{id}/schedule", new(LogKinds.AdvisoryChanged, () => Json(staff, HttpMethod.Post,
                "/api/v1/advisories/FW-2026-0900/schedule", new { }))),
            ("POST /api/v1/advisories/{id}/waves", new(LogKinds.WaveChanged, () => Json(staff, HttpMethod.Post, "/api/v1/advisories/FW-2026-0900/waves",
                new { at = ForewarnFactory.Start.AddDays(5), artifactIds = new[] { ids["artifact"] }, note = "initial" }))),
            ("DELETE /api/v1/advisories/{id}/waves/{number}", new(LogKinds.WaveChanged, () => staff.DeleteAsync("/api/v1/advisories/FW-2026-0900/waves/1"))),
            ("POST /api/v1/advisories/{id}/release-time", new(LogKinds.AdvisoryChanged, () => Json(staff, HttpMethod.Post,
                "/api/v1/advisories/FW-2026-0900/release-time", new { releaseAt = ForewarnFactory.Start.AddDays(12), reason = "vendor slip" }))),
            ("POST /api/v1/advisories/{id}/withdraw", new(LogKinds.AdvisoryChanged, () => Json(staff, HttpMethod.Post,
                "/api/v1/advisories/FW-2026-0900/withdraw", new { reason = "duplicate of another advisory" }))),
            ("POST /api/v1/csaf/validate", new(LogKinds.CsafValidated, () => staff.PostAsync("/api/v1/csaf/validate",
                new StringContent(csaf, Encoding.UTF8, "application/json")))),
            ("POST /api/v1/csaf/import", new(LogKinds.AdvisoryChanged, () => staff.PostAsync("/api/v1/csaf/import?reference=FW-2026-0901",
                new StringContent(csaf, Encoding.UTF8, "application/json")))),
            ("POST /api/v1/trace", new(LogKinds.TraceRun, async () =>
            {
                var copy = await partner.GetStringAsync($"/api/v1/me/artifacts/{description}/content");
                return await Json(staff, HttpMethod.Post, "/api/v1/trace", new { artifactId = description, leaked = copy });
            })),
            ("POST /api/v1/me/advisories/{id}/acknowledge", new(LogKinds.AdvisoryAcknowledged, () => Json(partner, HttpMethod.Post,
                $"/api/v1/me/advisories/{embargoed}/acknowledge", new { note = "received" }))),
            ("POST /api/v1/me/artifacts/{id}/feedback", new(LogKinds.FeedbackRecorded, () => Json(partner, HttpMethod.Post,
                $"/api/v1/me/artifacts/{description}/feedback", new { verdict = "works-as-intended", note = "Fired on our test host only" }))),
            ("POST /api/v1/me/sightings", new(LogKinds.SightingRecorded, () => Json(partner, HttpMethod.Post, "/api/v1/me/sightings",
                new { advisory = DemoFacts.Replay, firstSeenAt = _f.Clock.GetUtcNow().AddHours(-1), description = "Scans for the endpoint" }))),
            ("POST /api/v1/me/webhooks", new(LogKinds.WebhookChanged, () => Remember(Json(partner, HttpMethod.Post, "/api/v1/me/webhooks",
                new { url = "http://127.0.0.1:9/hook", events = new[] { "wave.published" } }), "webhook", j => (string)j["endpoint"]!["id"]!))),
            ("POST /api/v1/me/webhooks/{id}/rotate", new(LogKinds.WebhookChanged, () => Json(partner, HttpMethod.Post,
                $"/api/v1/me/webhooks/{ids["webhook"]}/rotate", new { overlapHours = 1 }))),
            ("DELETE /api/v1/me/webhooks/{id}", new(LogKinds.WebhookChanged, () => partner.DeleteAsync($"/api/v1/me/webhooks/{ids["webhook"]}"))),
            ("POST /api/v1/me/keys", new(LogKinds.KeyIssued, () => Remember(Json(partner, HttpMethod.Post, "/api/v1/me/keys",
                new { name = "poller", scopes = new[] { "partner:read" } }), "ownKey", j => (string)j["key"]!["id"]!))),
            ("POST /api/v1/me/keys/{id}/revoke", new(LogKinds.KeyRevoked, () => Json(partner, HttpMethod.Post, $"/api/v1/me/keys/{ids["ownKey"]}/revoke", new { }))),
            ("POST /api/v1/webhooks/deliveries/{id}/revive", new(LogKinds.DeliveryRevived, () => Json(staff, HttpMethod.Post,
                $"/api/v1/webhooks/deliveries/{deadDelivery}/revive", new { }))),
            ("POST /api/v1/admin/keys/{key}/rotate", new(LogKinds.ProgramKeyRotated, () => Json(staff, HttpMethod.Post,
                "/api/v1/admin/keys/csaf/rotate", new { }))),
            ("POST /api/v1/invitations", new(LogKinds.InvitationCreated, () => Remember(Json(staff, HttpMethod.Post, "/api/v1/invitations",
                new { email = "new.admin@lanternfish.example", role = "partner-admin", partnerId = ids["partner"] }), "invitation", j => (string)j["id"]!))),
            // The re-sent invitation replaces the one above (revoked with it); the revocation below takes the new one back.
            ("POST /api/v1/invitations/{id}/resend", new(LogKinds.InvitationCreated, () => Remember(Json(staff, HttpMethod.Post,
                $"/api/v1/invitations/{ids["invitation"]}/resend", new { }), "invitation", j => (string)j["id"]!))),
            ("POST /api/v1/invitations/{id}/revoke", new(LogKinds.InvitationRevoked, () => Json(staff, HttpMethod.Post,
                $"/api/v1/invitations/{ids["invitation"]}/revoke", new { }))),
            ("POST /api/v1/portal-users/{id}/disable", new(LogKinds.PortalUserDisabled, async () =>
            {
                var admin = (await staff.GetFromJsonAsync<JsonArray>("/api/v1/portal-users"))!.First(u => (string)u!["role"]! == "partner-admin")!;
                ids["portal-user"] = (string)admin["id"]!;
                return await Json(staff, HttpMethod.Post, $"/api/v1/portal-users/{ids["portal-user"]}/disable", new { });
            })),
            ("POST /api/v1/portal-users/{id}/enable", new(LogKinds.PortalUserEnabled, () => Json(staff, HttpMethod.Post,
                $"/api/v1/portal-users/{ids["portal-user"]}/enable", new { }))),
            ("POST /api/v1/portal-users/{id}/reset-authenticator", new(LogKinds.PortalAuthenticatorReset, () => Json(staff, HttpMethod.Post,
                $"/api/v1/portal-users/{ids["portal-user"]}/reset-authenticator", new { }))),
            ("POST /api/v1/staff", new(LogKinds.StaffMemberAdded, () => Remember(Json(staff, HttpMethod.Post, "/api/v1/staff",
                new { name = "Ana Moreau" }), "member", j => (string)j["id"]!))),
            ("POST /api/v1/approvals/{id}/reject", new(LogKinds.ChangeRejected, async () =>
            {
                await Remember(Json(staff, HttpMethod.Post, $"/api/v1/partners/{ids["partner"]}/status", new { status = "removed", reason = "test" }),
                    "removal", j => (string)j["id"]!);
                return await Json(_f.SecondStaff(), HttpMethod.Post, $"/api/v1/approvals/{ids["removal"]}/reject", new { reason = "Not decided yet" });
            })),
            ("POST /api/v1/approvals/{id}/approve", new(LogKinds.ChangeApproved, async () =>
            {
                await Remember(Json(staff, HttpMethod.Post, "/api/v1/keys", new { owner = "staff", memberId = ids["member"], name = "Ana writes" }),
                    "key-proposal", j => (string)j["id"]!);
                return await Json(_f.SecondStaff(), HttpMethod.Post, $"/api/v1/approvals/{ids["key-proposal"]}/approve", new { });
            })),
            ("POST /api/v1/approvals/{id}/key", new(LogKinds.KeyIssued, async () =>
            {
                var readKey = await (await Json(staff, HttpMethod.Post, "/api/v1/keys",
                    new { owner = "staff", memberId = ids["member"], name = "Ana reads", scopes = new[] { "staff:read" } })).Content.ReadFromJsonAsync<JsonNode>();
                return await Json(_f.WithKey((string)readKey!["token"]!), HttpMethod.Post, $"/api/v1/approvals/{ids["key-proposal"]}/key", new { });
            })),
            ("POST /api/v1/approvals/{id}/invitation", new(LogKinds.InvitationCreated, async () =>
            {
                await Remember(Json(staff, HttpMethod.Post, "/api/v1/invitations", new { email = "publisher@halcyon.example", role = "staff-publisher" }),
                    "invitation-proposal", j => (string)j["id"]!);
                (await Json(_f.SecondStaff(), HttpMethod.Post, $"/api/v1/approvals/{ids["invitation-proposal"]}/approve", new { })).EnsureSuccessStatusCode();
                return await Json(staff, HttpMethod.Post, $"/api/v1/approvals/{ids["invitation-proposal"]}/invitation", new { });
            })),
            ("POST /api/v1/cases", new(LogKinds.CaseOpened, () => Remember(Json(staff, HttpMethod.Post, "/api/v1/cases",
                new { advisory = DemoFacts.Replay, title = "Exploitation before release" }), "case", j => (string)j["reference"]!))),
            ("POST /api/v1/cases/{id}/evidence", new(LogKinds.CaseEvidenceAdded, () => Json(staff, HttpMethod.Post, $"/api/v1/cases/{ids["case"]}/evidence",
                new { kind = "note", text = "Seen on a forum" }))),
            ("POST /api/v1/cases/{id}/decisions", new(LogKinds.CaseDecision, () => Remember(Json(staff, HttpMethod.Post, $"/api/v1/cases/{ids["case"]}/decisions",
                new { partner = partnerId, kind = "warning", reason = "Copy found" }), "decision", j => (string)j["id"]!))),
            ("POST /api/v1/me/decisions/{id}/appeal", new(LogKinds.CaseAppeal, () => Json(partner, HttpMethod.Post, $"/api/v1/me/decisions/{ids["decision"]}/appeal",
                new { text = "Not us" }))),
            ("POST /api/v1/cases/{id}/decisions/{number}/appeal-decision", new(LogKinds.CaseAppealDecided, () => Json(staff, HttpMethod.Post,
                $"/api/v1/cases/{ids["case"]}/decisions/1/appeal-decision", new { outcome = "uphold", reason = "The trace names them" }))),
            ("POST /api/v1/cases/{id}/close", new(LogKinds.CaseClosed, () => Json(staff, HttpMethod.Post, $"/api/v1/cases/{ids["case"]}/close",
                new { summary = "Warned" }))),
            ("POST /taxii2/api/collections/{id}/objects", new(LogKinds.SightingsReceived, () =>
            {
                var body = new StringContent(new JsonObject { ["objects"] = new JsonArray(Sighting(report)) }.ToJsonString(), Encoding.UTF8);
                body.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii.Taxii.MediaType);
                return partner.AcceptingTaxii().PostAsync("/taxii2/api/collections/5f2c9e47-1b8a-4d3e-a6f0-7c91d2b4e835/objects/", body);
            })),
            ("POST /api/v1/sightings", new(LogKinds.SightingRecorded, () => Remember(Json(staff, HttpMethod.Post, "/api/v1/sightings", new
            {
                advisory = embargoed, firstObservedAt = ForewarnFactory.Start.AddHours(-1), source = "A CERT", confidence = "medium",
                description = "Exploitation seen", sample = new { text = "curl -X POST https://sync.example/update-cache" }, indicators = new[] { "203.0.113.9" },
            }), "sighting", j => (string)j["id"]!))),
            ("POST /api/v1/advisories/{id}/embargo-break", new(LogKinds.EmbargoBroken, () => Json(staff, HttpMethod.Post,
                $"/api/v1/advisories/{embargoed}/embargo-break", new { sighting = ids["sighting"], reason = "Exploited before release" }))),
        };

        var documented = await WriteOperationsAsync(staff);
        Assert.Empty(documented.Except(cases.Select(c => c.Operation)));   // a write endpoint with no case here
        Assert.Empty(cases.Select(c => c.Operation).Except(documented));   // a case for an operation that no longer exists

        foreach (var (operation, write) in cases)
        {
            var before = await SizeAsync(staff);
            var response = await write.Send();
            Assert.True(response.IsSuccessStatusCode, $"{operation} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var entries = await LogEntries.AllAsync(staff, $"kind={write.Kind}");
            var made = entries.Where(e => (long)e["index"]! >= before).ToList();
            Assert.True(made.Count > 0, $"{operation} left no {write.Kind} entry in the log (log size before: {before}).");
            // Whoever made the change is named by the key they used.
            Assert.True(made.Any(e => Guid.TryParse((string?)e["entry"]!["actor_key"], out _)),
                $"{operation}'s {write.Kind} entry does not name the caller's key: {made[0]["entry"]!.ToJsonString()}");
        }
    }

    /// <summary>"METHOD path" of each write operation in the OpenAPI document (route constraints dropped, as in the document).</summary>
    private static async Task<List<string>> WriteOperationsAsync(HttpClient client)
    {
        var document = await client.GetJson("/openapi/v1.json");
        var writes = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject())
                if (method is "post" or "put" or "patch" or "delete") writes.Add($"{method.ToUpperInvariant()} {path}");
        return writes;
    }

    // Entries are numbered 0..n-1 without gaps (LogEntries.VerifyAsync checks that elsewhere).
    private static async Task<long> SizeAsync(HttpClient staff) => (await LogEntries.AllAsync(staff)).Count;

    private async Task<string> DeadDeliveryAsync(Guid partner) => await _f.InStoreAsync(async db =>
    {
        var (endpoint, _) = WebhookEndpoint.Register(new PartnerId(partner), "http://127.0.0.1:9/dead", ["wave.published"], 1, ForewarnFactory.Start);
        db.WebhookEndpoints.Add(endpoint);
        var delivery = WebhookDelivery.For(endpoint.Id, new PartnerId(partner), "wave.published", "{}", ForewarnFactory.Start);
        delivery.Failed(500, "refused", ForewarnFactory.Start, RetryPolicy.Default with { MaxAttempts = 1 }, 0.5);
        db.WebhookDeliveries.Add(delivery);
        endpoint.Disable(); // so the sender leaves it alone once revived
        await db.SaveChangesAsync();
        Assert.Equal(DeliveryState.Dead, (await db.WebhookDeliveries.AsNoTracking().FirstAsync(d => d.Id == delivery.Id)).State);
        return delivery.Id;
    });

    private static JsonObject Sighting(string of) => new()
    {
        ["type"] = "sighting",
        ["spec_version"] = "2.1",
        ["id"] = "sighting--" + Guid.NewGuid(),
        ["created"] = "2026-11-28T10:00:00.000Z",
        ["modified"] = "2026-11-28T11:00:00.000Z",
        ["sighting_of_ref"] = of,
        ["count"] = 1,
    };
}
