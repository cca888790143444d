using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task No_key_is_a_401_problem_with_a_bearer_challenge()
    {
        var response = await _f.CreateClient().GetAsync("/api/v1/me/advisories");
        await response.Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("fw_000000000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Malformed_or_unknown_keys_are_refused(string key)
    {
        var response = await _f.WithKey(key).GetAsync("/api/v1/partners");
        await response.Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_right_prefix_with_a_wrong_secret_is_refused()
    {
        var real = _f.Credentials.Staff.ApiKey;
        var forged = real[..16] + new string('x', real.Length - 16);
        await (await _f.WithKey(forged).GetAsync("/api/v1/partners")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Partner_keys_cannot_use_the_staff_api_and_staff_keys_are_not_partners()
    {
        await (await _f.Partner(DemoFacts.Trusted).GetAsync("/api/v1/partners")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await _f.Staff().GetAsync("/api/v1/me/advisories")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_very_next_request()
    {
        var staff = _f.Staff();
        var partnerId = _f.PartnerInfo(DemoFacts.Trusted).Id;
        var issued = await staff.PostJson("/api/v1/keys", new { owner = "partner", partnerId, name = "ci key" }, HttpStatusCode.Created);
        var token = (string)issued["token"]!;
        var keyId = (string)issued["key"]!["id"]!;
        var client = _f.WithKey(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/advisories")).StatusCode);

        await staff.PostJson($"/api/v1/keys/{keyId}/revoke", new { }, HttpStatusCode.OK);
        var refused = await (await client.GetAsync("/api/v1/me/advisories")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("revoked", (string?)refused["detail"]);
    }

    [Fact]
    public async Task Keys_are_shown_once_and_stored_only_as_hashes()
    {
        var staff = _f.Staff();
        var issued = await staff.PostJson("/api/v1/keys", new { owner = "staff", name = "auditor", scopes = new[] { "staff:read" } }, HttpStatusCode.Created);
        var token = (string)issued["token"]!;
        var list = await staff.GetJson("/api/v1/keys");
        Assert.DoesNotContain(token, list.ToJsonString());
        Assert.DoesNotContain(token[16..], list.ToJsonString());
        var stored = await _f.InStoreAsync(async db => await Task.FromResult(db.ApiKeys.Select(k => k.SecretHash).ToList()));
        Assert.DoesNotContain(stored, h => token.Contains(h, StringComparison.Ordinal));

        // a read-only staff key cannot write
        var readOnly = _f.WithKey(token);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/api/v1/partners")).StatusCode);
        await (await readOnly.PostAsJsonAsync("/api/v1/jurisdictions", new { code = "SG", name = "Singapore" })).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_expired_key_is_refused_once_the_clock_passes_its_expiry()
    {
        var staff = _f.Staff();
        var issued = await staff.PostJson("/api/v1/keys",
            new { owner = "staff", name = "short", expiresAt = ForewarnFactory.Start.AddHours(1) }, HttpStatusCode.Created);
        var client = _f.WithKey((string)issued["token"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/partners")).StatusCode);
        _f.Clock.Advance(TimeSpan.FromHours(1));
        var refused = await (await client.GetAsync("/api/v1/partners")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("expired", (string?)refused["detail"]);
    }
}
