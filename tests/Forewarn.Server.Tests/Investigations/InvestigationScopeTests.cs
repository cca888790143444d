using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Keys;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// Investigations (cases, exposure, suspicion) need the <c>staff:investigate</c> scope: a staff
/// key that can read and write the programme but lacks it is refused with a problem, and the
/// store keeps no trace of the attempt. Keys from before the scope existed gain it once, logged.
/// </summary>
public sealed class InvestigationScopeTests(ForewarnFactory f) : IClassFixture<ForewarnFactory>
{
    private async Task<string> IssueAsync(params string[] scopes) =>
        (string)(await f.Staff().PostJson("/api/v1/keys", new { owner = "staff", name = $"scopes {string.Join('+', scopes)}", scopes }, HttpStatusCode.Created))["token"]!;

    [Fact]
    public async Task A_staff_key_without_the_investigation_scope_is_refused_and_changes_nothing()
    {
        var key = f.WithKey(await IssueAsync("staff:read", "staff:write"));
        var partner = f.PartnerInfo(DemoFacts.Trusted).Id;
        var before = await f.InStoreAsync(db => db.Cases.CountAsync());

        await (await key.GetAsync("/api/v1/cases")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await key.GetAsync($"/api/v1/advisories/{DemoFacts.Replay}/exposure?before=2025-07-07T00:00:00Z")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await key.GetAsync($"/api/v1/partners/{partner}/suspicion")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await key.GetAsync($"/api/v1/advisories/{DemoFacts.Replay}/timeline.svg")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await key.GetAsync("/api/v1/signals")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await key.PostAsJsonAsync("/api/v1/cases", new { advisory = DemoFacts.Replay, title = "Not mine to open" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await f.InStoreAsync(db => db.Cases.CountAsync()));

        // The rest of staff work still works with it.
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("/api/v1/partners")).StatusCode);
    }

    [Fact]
    public async Task Investigating_reads_with_the_scope_and_opens_cases_only_with_write_too()
    {
        var reader = f.WithKey(await IssueAsync("staff:investigate"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/advisories/{DemoFacts.Replay}/exposure?before=2025-07-07T00:00:00Z")).StatusCode);
        await (await reader.PostAsJsonAsync("/api/v1/cases", new { advisory = DemoFacts.Replay, title = "Read only" })).Problem(HttpStatusCode.Forbidden, "forbidden");

        var investigator = f.WithKey(await IssueAsync("staff:write", "staff:investigate"));
        await investigator.PostJson("/api/v1/cases", new { advisory = DemoFacts.Replay, title = "Opened by an investigator" }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Keys_from_before_the_scope_gain_it_once_on_upgrade_with_a_log_entry()
    {
        var f = new ForewarnFactory();
        var token = (string)(await f.Staff().PostJson("/api/v1/keys", new { owner = "staff", name = "old reader", scopes = new[] { "staff:read" } }, HttpStatusCode.Created))["token"]!;
        var writer = (string)(await f.Staff().PostJson("/api/v1/keys", new { owner = "staff", name = "old writer", scopes = new[] { "staff:write" } }, HttpStatusCode.Created))["token"]!;
        await (await f.WithKey(token).GetAsync("/api/v1/cases")).Problem(HttpStatusCode.Forbidden, "forbidden");
        // As a store from before the upgrade: the upgrade has not run yet.
        await f.InStoreAsync(async db =>
        {
            await db.Settings.Where(s => s.Key == InvestigationScopeUpgrade.DoneSetting).ExecuteDeleteAsync();
            return 0;
        });
        await f.StopKeepingStoreAsync();

        await using (var next = new SecondServer(f))
        {
            Assert.Equal(HttpStatusCode.OK, (await next.WithKey(token).GetAsync("/api/v1/cases")).StatusCode);
            // A key that could not read gains nothing.
            await (await next.WithKey(writer).GetAsync("/api/v1/cases")).Problem(HttpStatusCode.Forbidden, "forbidden");
            var granted = await LogEntries.OfKindAsync(next.WithKey(f.Credentials.Staff.ApiKey), "key.scope_granted");
            var entry = Assert.Single(granted, e => (string?)e!["entry"]!["name"] == "old reader");
            Assert.Equal("staff:investigate", (string?)entry["entry"]!["granted"]);
            Assert.Contains("staff:investigate", entry["entry"]!["scopes"]!.AsArray().Select(s => (string?)s));
        }
        await using (var again = new SecondServer(f))
        {
            var granted = await LogEntries.OfKindAsync(again.WithKey(f.Credentials.Staff.ApiKey), "key.scope_granted");
            Assert.Single(granted, e => (string?)e!["entry"]!["name"] == "old reader");
        }
        ForewarnFactory.DeleteDirectory(f.DataDirectory);
    }
}
