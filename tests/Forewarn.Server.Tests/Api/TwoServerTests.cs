using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>
/// Two servers on one store: a change made through one applies to the very next request on the
/// other, although each keeps the facts in memory between changes.
/// </summary>
public sealed class TwoServerTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Suspension_and_revocation_on_one_server_apply_at_once_on_the_other()
    {
        var staff = _f.Staff();
        var detection = await DemoFacts.ArtifactId(staff, DemoFacts.EmbargoReference(_f), "detection");
        var trusted = _f.PartnerInfo(DemoFacts.Trusted);
        await using var second = new SecondServer(_f);
        var onSecond = second.WithKey(trusted.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);

        await staff.PostJson($"/api/v1/partners/{trusted.Id}/status", new { status = "suspended", reason = "Investigation" }, HttpStatusCode.OK);
        await (await onSecond.GetAsync($"/api/v1/me/artifacts/{detection}/content")).Problem(HttpStatusCode.Forbidden, "partner-not-receiving");

        await staff.PostJson($"/api/v1/partners/{trusted.Id}/status", new { status = "active", reason = "Cleared" }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);

        var keys = await staff.GetJson($"/api/v1/keys?partner={trusted.Id}");
        var keyId = (string)keys.AsArray().Single()!["id"]!;
        await staff.PostJson($"/api/v1/keys/{keyId}/revoke", new { }, HttpStatusCode.OK);
        await (await onSecond.GetAsync("/api/v1/me/advisories")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task New_content_and_waves_from_one_server_are_served_by_the_other()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var trusted = _f.PartnerInfo(DemoFacts.Trusted);
        await using var second = new SecondServer(_f);
        var onSecond = second.WithKey(trusted.ApiKey);
        var before = await onSecond.GetJson($"/api/v1/me/advisories/{reference}");
        var count = before["artifacts"]!.AsArray().Count;

        var artifact = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Extra detection rule", @class = "detection", tlp = "AMBER", text = "alert on version.dll" }, HttpStatusCode.Created);
        await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = ForewarnFactory.Start, artifactIds = new[] { (string)artifact["id"]! } }, HttpStatusCode.Created);

        var after = await onSecond.GetJson($"/api/v1/me/advisories/{reference}");
        Assert.Equal(count + 1, after["artifacts"]!.AsArray().Count);
        var content = await onSecond.GetAsync($"/api/v1/me/artifacts/{(string)artifact["id"]!}/content");
        Assert.Equal("alert on version.dll", await content.Content.ReadAsStringAsync());
    }
}
