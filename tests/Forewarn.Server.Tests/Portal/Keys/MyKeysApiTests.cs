using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Keys;

/// <summary>
/// <c>/api/v1/me/keys</c> with a partner's admin key: the same service as the keys page, the
/// same expiry rules as staff-issued keys, no scope beyond the caller's, the cap on usable keys.
/// </summary>
public sealed class MyKeysApiTests
{
    [Fact]
    public async Task An_admin_key_grants_only_scopes_it_holds_never_the_admin_scope_and_a_refusal_stores_nothing()
    {
        await using var f = new ForewarnFactory();
        var bastion = f.PartnerInfo(DemoFacts.Trusted).Id;
        // An admin key with less than the whole catalogue: administrative and read, no acknowledge.
        var narrow = await f.Staff().PostJson("/api/v1/keys",
            new { owner = "partner", partnerId = bastion, name = "Bastion ops", scopes = new[] { "partner:webhooks", "partner:read" } }, HttpStatusCode.Created);
        var admin = f.WithKey((string)narrow["token"]!);
        var before = await BastionAdmin.KeyCountAsync(f);

        await (await admin.PostAsJsonAsync("/api/v1/me/keys", new { name = "ack bot", scopes = new[] { "partner:acknowledge" } }))
            .Problem(HttpStatusCode.Forbidden, "scope-not-grantable");
        await (await admin.PostAsJsonAsync("/api/v1/me/keys", new { name = "admin bot", scopes = new[] { "partner:webhooks" } }))
            .Problem(HttpStatusCode.Forbidden, "scope-not-grantable");
        await (await admin.PostAsJsonAsync("/api/v1/me/keys", new { name = "staff bot", scopes = new[] { "staff:read" } }))
            .Problem(HttpStatusCode.BadRequest, "invalid-scope");
        await (await admin.PostAsJsonAsync("/api/v1/me/keys", new { name = "nothing", scopes = Array.Empty<string>() }))
            .Problem(HttpStatusCode.BadRequest, "invalid-scope");
        await (await admin.PostAsJsonAsync("/api/v1/me/keys", new { name = "forever", scopes = new[] { "partner:read" }, expiresAt = ForewarnFactory.Start.AddYears(6) }))
            .Problem(HttpStatusCode.BadRequest, "invalid-key");
        Assert.Equal(before, await BastionAdmin.KeyCountAsync(f));

        var made = await admin.PostJson("/api/v1/me/keys", new { name = "reader", scopes = new[] { " Partner:Read " }, expiresAt = ForewarnFactory.Start.AddDays(30) },
            HttpStatusCode.Created);
        Assert.Equal(["partner:read"], made["key"]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(ForewarnFactory.Start.AddDays(30), (DateTimeOffset)made["key"]!["expiresAt"]!);
        var entry = (await BastionAdmin.EntriesAsync(f, "key.issued")).Single(e => (string?)e!["entry"]!["key"] == (string?)made["key"]!["id"])!;
        Assert.Equal((string?)narrow["key"]!["id"], (string?)entry["entry"]!["actor_key"]);
        await f.WithKey((string)made["token"]!).GetJson("/api/v1/me/advisories");

        // A key without the admin scope, and a staff key, have no say over partner keys.
        var reader = f.WithKey((string)made["token"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v1/me/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Staff().GetAsync("/api/v1/me/keys")).StatusCode);
    }

    [Fact]
    public async Task Another_partners_key_and_a_staff_key_are_not_found_and_a_revoked_key_is_refused_at_once()
    {
        await using var f = new ForewarnFactory();
        var bastion = f.Partner(DemoFacts.Trusted);
        var staff = f.Staff();
        var corvidKey = (string)(await staff.GetJson($"/api/v1/keys?partner={f.PartnerInfo(DemoFacts.Validate).Id}")).AsArray()[0]!["id"]!;
        var staffKey = (string)(await staff.GetJson("/api/v1/keys")).AsArray().First(k => (string?)k!["owner"] == "staff")!["id"]!;
        foreach (var id in new[] { corvidKey, staffKey, Guid.NewGuid().ToString() })
            await (await bastion.PostAsync($"/api/v1/me/keys/{id}/revoke", null)).Problem(HttpStatusCode.NotFound, "not-found");
        var listed = (await bastion.GetJson("/api/v1/me/keys")).AsArray();
        Assert.DoesNotContain(listed, k => (string?)k!["id"] == corvidKey || (string?)k["id"] == staffKey);

        var made = await bastion.PostJson("/api/v1/me/keys", new { name = "to revoke", scopes = new[] { "partner:read" } }, HttpStatusCode.Created);
        var holder = f.WithKey((string)made["token"]!);
        await holder.GetJson("/api/v1/me/advisories");
        var revoked = await bastion.PostJson($"/api/v1/me/keys/{made["key"]!["id"]}/revoke", new { }, HttpStatusCode.OK);
        Assert.NotNull(revoked["revokedAt"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await holder.GetAsync("/api/v1/me/advisories")).StatusCode);
        await (await bastion.PostAsync($"/api/v1/me/keys/{made["key"]!["id"]}/revoke", null)).Problem(HttpStatusCode.Conflict, "key-revoked");
    }

    [Fact]
    public async Task A_partner_holds_at_most_the_configured_number_of_usable_keys_and_a_revocation_makes_room()
    {
        await using var f = new ForewarnFactory();
        f.Settings["partnerKeys:maxActive"] = "3";
        var bastion = f.Partner(DemoFacts.Trusted);
        var usable = (await bastion.GetJson("/api/v1/me/keys")).AsArray().Count(k => k!["revokedAt"] is null);
        Assert.True(usable < 3, $"the demo gives Bastion {usable} keys");
        var made = new List<string>();
        for (var i = usable; i < 3; i++)
            made.Add((string)(await bastion.PostJson("/api/v1/me/keys", new { name = $"bot {i}", scopes = new[] { "partner:read" } }, HttpStatusCode.Created))["key"]!["id"]!);
        var before = await BastionAdmin.KeyCountAsync(f);
        var refused = await (await bastion.PostAsJsonAsync("/api/v1/me/keys", new { name = "one more", scopes = new[] { "partner:read" } }))
            .Problem(HttpStatusCode.Conflict, "too-many-keys");
        Assert.Contains("revoke one", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await BastionAdmin.KeyCountAsync(f));

        await bastion.PostJson($"/api/v1/me/keys/{made[0]}/revoke", new { }, HttpStatusCode.OK);
        await bastion.PostJson("/api/v1/me/keys", new { name = "one more", scopes = new[] { "partner:read" } }, HttpStatusCode.Created);
    }
}
