using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Partners;
using Forewarn.Server.Tests.Approvals;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Sightings;

/// <summary>
/// POST /api/v1/advisories/{id}/embargo-break: from a sighting of exploitation before release, the
/// release moves to now in one step — the partners who knew are told with the change, the public
/// document is served when staff are answered, every receiving partner gets the release notice,
/// and the log names the sighting. Under four eyes it waits for a second staff member.
/// </summary>
public sealed class EmbargoBreakTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static object Break(string sighting) => new { sighting, reason = "Exploitation observed in the wild before the release." };

    [Fact]
    public async Task Breaking_the_embargo_releases_now_tells_the_partners_and_serves_the_public_document()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        var reference = DemoFacts.EmbargoReference(_f);
        var sighting = (string)(await Sightings.RecordAsync(staff, Sightings.Body(reference)))["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(Releases.DocumentUrl(reference))).StatusCode);
        var knewBefore = (await staff.GetJson($"/api/v1/advisories/{reference}/notices")).AsArray().Count;

        var advisory = await staff.PostJson($"/api/v1/advisories/{reference}/embargo-break", Break(sighting), HttpStatusCode.OK);

        Assert.Equal("released", (string?)advisory["state"]);
        Assert.Equal(ForewarnFactory.Start, (DateTimeOffset)advisory["releaseAt"]!);
        Assert.StartsWith("Embargo broken: released at", (string?)advisory["revisions"]!.AsArray()[^1]!["summary"]);

        // Public at once, without waiting for the scheduler's pass.
        var document = await anyone.GetJson(Releases.DocumentUrl(reference));
        Assert.Equal(reference, (string?)document["document"]!["tracking"]!["id"]);

        // The partners who knew are told of the break; every receiving partner of the release.
        var notices = (await staff.GetJson($"/api/v1/advisories/{reference}/notices?limit=1000")).AsArray();
        var broken = notices.Where(n => (string?)n!["kind"] == "embargo-broken").ToList();
        var released = notices.Where(n => (string?)n!["kind"] == "released").ToList();
        Assert.NotEmpty(broken);
        Assert.Contains("Exploitation observed in the wild", (string?)broken[0]!["text"], StringComparison.Ordinal);
        var receiving = await _f.InStoreAsync(async db => (await db.Partners.ToListAsync()).Count(p => p.StatusAt(ForewarnFactory.Start).Receives()));
        Assert.Equal(receiving, released.Count);
        Assert.True(notices.Count > knewBefore);
        var bastionNotices = (await _f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/notices")).AsArray();
        Assert.Contains(bastionNotices, n => (string?)n!["advisory"] == reference && (string?)n["kind"] == "released");
        var waves = (await staff.GetJson($"/api/v1/advisories/{reference}/waves")).AsArray();
        Assert.Contains(waves, w => (string?)w!["kind"] == "notice");
        Assert.True(await _f.InStoreAsync(db => db.WebhookDeliveries.AnyAsync(d => d.EventType == "advisory.released")) || !await _f.InStoreAsync(db => db.WebhookEndpoints.AnyAsync()));

        // The log names the advisory and the sighting; the advisory's own change is there too.
        var entry = await LogEntries.SingleAsync(staff, LogKinds.EmbargoBroken, "sighting", sighting);
        Assert.Equal(reference, (string?)entry["entry"]!["reference"]);
        Assert.Equal((string?)advisory["id"], (string?)entry["entry"]!["advisory"]);
        Assert.Equal("staff", (string?)entry["entry"]!["sighting_kind"]);
        Assert.Equal(broken.Count, (int)entry["entry"]!["partners_told"]!);
        Assert.Null(entry["partner_id"]);
        Assert.Contains(await LogEntries.OfKindAsync(staff, LogKinds.AdvisoryChanged), e => (string?)e["entry"]!["change"] == "embargo-broken");
        Assert.Contains(await LogEntries.OfKindAsync(staff, LogKinds.AdvisoryReleased), e => (string?)e["entry"]!["reference"] == reference);
    }

    [Fact]
    public async Task An_embargo_that_cannot_be_broken_is_a_problem_and_changes_nothing()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var replaySighting = (string)(await Sightings.RecordAsync(staff, Sightings.Body(DemoFacts.Replay)))["id"]!;
        var sighting = (string)(await Sightings.RecordAsync(staff, Sightings.Body(reference)))["id"]!;
        await staff.PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-0950", title = "Draft advisory", cveIds = new[] { "CVE-2026-1950" }, releaseAt = ForewarnFactory.Start.AddDays(9),
        }, HttpStatusCode.Created);
        var draftSighting = (string)(await Sightings.RecordAsync(staff, Sightings.Body("FW-2026-0950")))["id"]!;
        await Releases.ScheduleAsync(staff, "FW-2026-0951", ForewarnFactory.Start.AddDays(9), "CVE-2026-1951");
        var withdrawnSighting = (string)(await Sightings.RecordAsync(staff, Sightings.Body("FW-2026-0951")))["id"]!;
        await staff.PostJson("/api/v1/advisories/FW-2026-0951/withdraw", new { reason = "Duplicate" }, HttpStatusCode.OK);
        var changesBefore = (await LogEntries.OfKindAsync(staff, LogKinds.AdvisoryChanged)).Count;
        var advisoryBefore = await staff.GetJson($"/api/v1/advisories/{reference}");

        async Task Refused(string advisory, object body, HttpStatusCode status, string code) =>
            await (await staff.PostAsJsonAsync($"/api/v1/advisories/{advisory}/embargo-break", body)).Problem(status, code);

        await Refused(DemoFacts.Replay, Break(replaySighting), HttpStatusCode.Conflict, "already-released");
        await Refused("FW-2026-0950", Break(draftSighting), HttpStatusCode.Conflict, "advisory-draft");
        await Refused("FW-2026-0951", Break(withdrawnSighting), HttpStatusCode.Conflict, "advisory-withdrawn");
        await Refused("FW-1999-0001", Break(sighting), HttpStatusCode.NotFound, "not-found");
        await Refused(reference, Break(Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "not-found");
        await Refused(reference, Break(replaySighting), HttpStatusCode.BadRequest, "sighting-of-another-advisory");
        await Refused(reference, new { sighting, reason = " " }, HttpStatusCode.BadRequest, "invalid-field");
        await Refused(reference, new { reason = "Seen" }, HttpStatusCode.BadRequest, "invalid-field");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _f.Partner(DemoFacts.Trusted).PostAsJsonAsync($"/api/v1/advisories/{reference}/embargo-break", Break(sighting))).StatusCode);

        Assert.Empty(await LogEntries.OfKindAsync(staff, LogKinds.EmbargoBroken));
        Assert.Equal(changesBefore, (await LogEntries.OfKindAsync(staff, LogKinds.AdvisoryChanged)).Count);
        Assert.True(JsonNode.DeepEquals(advisoryBefore, await staff.GetJson($"/api/v1/advisories/{reference}")));
        Assert.Equal(HttpStatusCode.NotFound, (await _f.CreateClient().GetAsync(Releases.DocumentUrl(reference))).StatusCode);
    }
}

/// <summary>Four eyes on: breaking an embargo brings the release forward, so it waits for a second staff member, as an earlier release does.</summary>
public sealed class EmbargoBreakFourEyesTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public EmbargoBreakFourEyesTests() => FourEyes.On(_f.Settings);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_break_is_proposed_changes_nothing_and_happens_when_a_second_member_approves()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        var reference = DemoFacts.EmbargoReference(_f);
        var sighting = (string)(await Sightings.RecordAsync(staff, Sightings.Body(reference)))["id"]!;

        var proposal = await Proposals.ProposeAsync(staff, $"/api/v1/advisories/{reference}/embargo-break",
            new { sighting, reason = "Exploitation observed in the wild before the release." });
        Assert.Equal("release-earlier", (string?)proposal["action"]);
        Assert.Contains(sighting, (string?)proposal["summary"], StringComparison.Ordinal);
        Assert.NotEqual("released", (string?)(await staff.GetJson($"/api/v1/advisories/{reference}"))["state"]);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(Releases.DocumentUrl(reference))).StatusCode);
        Assert.Empty(await LogEntries.OfKindAsync(staff, LogKinds.EmbargoBroken));

        // The proposer's own eyes are not a second pair.
        await (await Proposals.ApproveAsync(staff, proposal)).Problem(HttpStatusCode.Forbidden, "same-member");

        _f.Clock.Advance(TimeSpan.FromMinutes(10));
        var approved = await (await Proposals.ApproveAsync(_f.SecondStaff(), proposal)).Json(HttpStatusCode.OK);
        Assert.Equal("approved", (string?)approved["state"]);

        var advisory = await staff.GetJson($"/api/v1/advisories/{reference}");
        Assert.Equal("released", (string?)advisory["state"]);
        Assert.Equal(ForewarnFactory.Start.AddMinutes(10), (DateTimeOffset)advisory["releaseAt"]!);
        // Approved inside the approval's transaction: the commit wakes the release scheduler, which publishes it.
        await Releases.EventuallyAsync(async () => (await anyone.GetAsync(Releases.DocumentUrl(reference))).IsSuccessStatusCode, "the public document is served");
        var entry = await LogEntries.SingleAsync(staff, LogKinds.EmbargoBroken, "sighting", sighting);
        Assert.Equal((string?)proposal["id"], (string?)entry["entry"]!["proposal"]);
        Assert.Contains("Demo staff", (string?)entry["entry"]!["proposed_by"], StringComparison.Ordinal);
        Assert.Contains((await staff.GetJson($"/api/v1/advisories/{reference}/notices?limit=1000")).AsArray(), n => (string?)n!["kind"] == "embargo-broken");
    }
}
