using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// The inbound collection ("give to get"): partners add STIX sightings of the objects open to them
/// now; each is stored against the partner and the advisory, the answer is a TAXII status resource
/// kept for its sender, and nothing about objects the partner cannot see is revealed.
/// </summary>
public sealed class TaxiiSightingsTests : IAsyncLifetime
{
    private const string SightingsId = "5f2c9e47-1b8a-4d3e-a6f0-7c91d2b4e835";
    private const string Inbound = $"/taxii2/api/collections/{SightingsId}/objects/";

    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static JsonObject Sighting(string of, string modified = "2026-11-28T11:00:00.000Z", int count = 4, string? id = null) => new()
    {
        ["type"] = "sighting",
        ["spec_version"] = "2.1",
        ["id"] = id ?? "sighting--" + Guid.NewGuid(),
        ["created"] = "2026-11-28T10:00:00.000Z",
        ["modified"] = modified,
        ["sighting_of_ref"] = of,
        ["first_seen"] = "2026-11-27T22:00:00Z",
        ["last_seen"] = "2026-11-28T09:30:00Z",
        ["count"] = count,
        ["where_sighted_refs"] = new JsonArray("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"),
        ["description"] = "Seen on two mail gateways.",
    };

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, params JsonNode[] objects) =>
        PostRaw(client, url, new JsonObject { ["objects"] = new JsonArray([.. objects.Select(o => o.DeepClone())]) }.ToJsonString(), Taxii.MediaType);

    private static Task<HttpResponseMessage> PostRaw(HttpClient client, string url, string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(url, content);
    }

    /// <summary>The report of the replayed advisory, open to every receiving partner, and the advisory's id.</summary>
    private async Task<(string ObjectId, Guid Advisory)> OpenReport(HttpClient partner)
    {
        var objects = await partner.AllObjects();
        var report = objects.First(o => Taxii.HasReportOf([o], DemoFacts.Replay));
        var advisory = await DemoFacts.Advisory(_f.Staff(), DemoFacts.Replay);
        return ((string)report["id"]!, Guid.Parse((string)advisory["id"]!));
    }

    private static void AssertStatus(JsonNode status, int successes, int failures)
    {
        Assert.True(Guid.TryParse((string?)status["id"], out _));
        Assert.Equal("complete", (string?)status["status"]);
        Assert.True(DateTimeOffset.TryParse((string?)status["request_timestamp"], CultureInfo.InvariantCulture, out _));
        Assert.Equal(successes + failures, (int)status["total_count"]!);
        Assert.Equal(successes, (int)status["success_count"]!);
        Assert.Equal(successes, status["successes"]?.AsArray().Count ?? 0);
        Assert.Equal(failures, (int)status["failure_count"]!);
        Assert.Equal(failures, status["failures"]?.AsArray().Count ?? 0);
        Assert.Equal(0, (int)status["pending_count"]!);
        Assert.Null(status["pendings"]);
    }

    [Fact]
    public async Task A_sighting_of_an_open_object_is_stored_against_partner_and_advisory_and_its_status_is_kept()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var (reportId, advisoryId) = await OpenReport(partner);
        var sighting = Sighting(reportId);
        StixSchemaCheck.AssertValid(sighting);
        var generation = await _f.InStoreAsync(db => FactsGeneration.ReadAsync(db, CancellationToken.None));

        var status = await (await Post(partner, Inbound, sighting)).TaxiiJson(HttpStatusCode.Accepted);
        AssertStatus(status, successes: 1, failures: 0);
        var success = status["successes"]![0]!;
        Assert.Equal((string)sighting["id"]!, (string?)success["id"]);
        Assert.Equal("2026-11-28T11:00:00.000Z", (string?)success["version"]);
        Assert.Equal(ForewarnFactory.Start, DateTimeOffset.Parse((string)status["request_timestamp"]!, CultureInfo.InvariantCulture));

        var statusId = (string)status["id"]!;
        var again = await partner.TaxiiGet($"/taxii2/api/status/{statusId}/");
        Assert.Equal(status.ToJsonString(), again.ToJsonString());

        var row = Assert.Single(await _f.InStoreAsync(db => db.Sightings.AsNoTracking().ToListAsync()));
        Assert.Equal(_f.PartnerInfo(DemoFacts.Trusted).Id, row.PartnerId.Value);
        Assert.Equal(advisoryId, row.AdvisoryId.Value);
        Assert.Equal((string)sighting["id"]!, row.StixId);
        Assert.Equal(reportId, row.SightingOfRef);
        Assert.Equal(4, row.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero), row.FirstSeen);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero), row.LastSeen);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero), row.Modified);
        Assert.Equal(ForewarnFactory.Start, row.ReceivedAt);
        Assert.Equal(Guid.Parse(statusId), row.SubmissionId);
        Assert.Equal((string)sighting["description"]!, (string?)JsonNode.Parse(row.Raw)!["description"]);
        // Sightings are not facts decisions are made from: the cached facts stay valid.
        Assert.Equal(generation, await _f.InStoreAsync(db => FactsGeneration.ReadAsync(db, CancellationToken.None)));

        // The status is a row, not memory: another server on the same store answers it.
        await using var second = new SecondServer(_f);
        var fromSecond = await second.WithKey(_f.PartnerInfo(DemoFacts.Trusted).ApiKey).AcceptingTaxii().TaxiiGet($"/taxii2/api/status/{statusId}/");
        Assert.Equal(status.ToJsonString(), fromSecond.ToJsonString());
    }

    [Fact]
    public async Task Sending_the_same_sighting_version_again_succeeds_without_storing_it_twice()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var (reportId, _) = await OpenReport(partner);
        var sighting = Sighting(reportId);

        AssertStatus(await (await Post(partner, Inbound, sighting)).TaxiiJson(HttpStatusCode.Accepted), 1, 0);
        // Again, once on its own and twice in one envelope, the same instant written with other precision.
        AssertStatus(await (await Post(partner, Inbound, sighting)).TaxiiJson(HttpStatusCode.Accepted), 1, 0);
        var samePrecision = sighting.DeepClone();
        samePrecision["modified"] = "2026-11-28T11:00:00Z";
        AssertStatus(await (await Post(partner, Inbound, samePrecision, sighting)).TaxiiJson(HttpStatusCode.Accepted), 2, 0);
        Assert.Equal(1, await _f.InStoreAsync(db => db.Sightings.CountAsync()));

        // A new version (a later modified, a higher count) is another row; staff see the latest.
        var revised = sighting.DeepClone();
        revised["modified"] = "2026-11-28T11:30:00.000Z";
        revised["count"] = 9;
        AssertStatus(await (await Post(partner, Inbound, revised)).TaxiiJson(HttpStatusCode.Accepted), 1, 0);
        Assert.Equal(2, await _f.InStoreAsync(db => db.Sightings.CountAsync()));
        var listed = Assert.Single((await _f.Staff().GetJson($"/api/v1/advisories/{DemoFacts.Replay}/sightings")).AsArray())!;
        Assert.Equal(9, (int)listed["count"]!);
        Assert.Equal(2, (int)listed["versions"]!);
    }

    [Fact]
    public async Task A_sighting_of_an_object_not_open_to_the_partner_fails_exactly_like_one_of_nothing()
    {
        var staff = _f.Staff();
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        // Published by a wave a week from now: staff see its note, the partner does not yet.
        await Taxii.AdvisoryWithNotices(staff, "FW-2026-8500", 1, ForewarnFactory.Start.AddDays(7), ForewarnFactory.Start.AddDays(30));
        var hidden = (string)(await staff.AcceptingTaxii().AllObjects("limit=1000"))
            .Single(o => (string?)o["type"] == "note" && (string?)o["abstract"] == "Notice 0")["id"]!;
        Assert.DoesNotContain(await partner.AllObjects(), o => (string?)o["id"] == hidden);
        var nothing = "note--" + Guid.NewGuid();

        var status = await (await Post(partner, Inbound, Sighting(hidden), Sighting(nothing))).TaxiiJson(HttpStatusCode.Accepted);
        AssertStatus(status, successes: 0, failures: 2);
        var messages = status["failures"]!.AsArray().Select(f => (string)f!["message"]!).ToList();
        Assert.Contains("unknown object", messages[0], StringComparison.Ordinal);
        Assert.Equal(messages[0].Replace(hidden, "X", StringComparison.Ordinal), messages[1].Replace(nothing, "X", StringComparison.Ordinal));
        Assert.Equal(0, await _f.InStoreAsync(db => db.Sightings.CountAsync()));

        // The programme's identity (in every advisory) and marking definitions are not sightable either.
        var identity = (string)(await partner.AllObjects()).First(o => (string?)o["type"] == "identity")["id"]!;
        var marking = (string)(await partner.AllObjects()).First(o => (string?)o["type"] == "marking-definition")["id"]!;
        var refused = await (await Post(partner, Inbound, Sighting(identity), Sighting(marking))).TaxiiJson(HttpStatusCode.Accepted);
        AssertStatus(refused, successes: 0, failures: 2);
    }

    [Fact]
    public async Task Other_objects_and_invalid_sightings_fail_one_by_one_while_the_rest_is_stored()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var (reportId, _) = await OpenReport(partner);
        var indicator = new JsonObject
        {
            ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = "indicator--" + Guid.NewGuid(),
            ["created"] = "2026-11-28T10:00:00.000Z", ["modified"] = "2026-11-28T10:00:00.000Z",
            ["pattern"] = "[ipv4-addr:value = '198.51.100.7']", ["pattern_type"] = "stix", ["valid_from"] = "2026-11-28T10:00:00Z",
        };
        var negative = Sighting(reportId, count: -1);
        var good = Sighting(reportId);

        var status = await (await Post(partner, Inbound, indicator, negative, good, JsonValue.Create(42)!)).TaxiiJson(HttpStatusCode.Accepted);
        AssertStatus(status, successes: 1, failures: 3);
        var failures = status["failures"]!.AsArray();
        Assert.Equal((string)indicator["id"]!, (string?)failures[0]!["id"]);
        Assert.Equal("2026-11-28T10:00:00.000Z", (string?)failures[0]!["version"]);
        Assert.Contains("Only sightings", (string?)failures[0]!["message"], StringComparison.Ordinal);
        Assert.Contains("count", (string?)failures[1]!["message"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)failures[2]!["message"]));
        Assert.Equal((string)good["id"]!, (string?)status["successes"]![0]!["id"]);
        Assert.Equal((string)good["id"]!, Assert.Single(await _f.InStoreAsync(db => db.Sightings.AsNoTracking().ToListAsync())).StixId);
    }

    [Fact]
    public async Task Requests_that_cannot_be_taken_are_refused_whole_as_taxii_errors()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var (reportId, _) = await OpenReport(partner);
        var envelope = new JsonObject { ["objects"] = new JsonArray(Sighting(reportId)) }.ToJsonString();

        await (await PostRaw(partner, Inbound, envelope, "application/json")).TaxiiError(HttpStatusCode.UnsupportedMediaType);
        await (await PostRaw(partner, Inbound, envelope, "application/taxii+json;version=2.0")).TaxiiError(HttpStatusCode.UnsupportedMediaType);
        await (await PostRaw(partner, Inbound, envelope, "application/stix+json;version=2.1")).TaxiiError(HttpStatusCode.UnsupportedMediaType);
        var readOnly = await (await PostRaw(partner, Taxii.Objects, envelope, Taxii.MediaType)).TaxiiError(HttpStatusCode.Forbidden);
        Assert.Contains("read-only", (string?)readOnly["description"], StringComparison.Ordinal);
        await (await PostRaw(partner, "/taxii2/api/collections/4a1d0e55-0000-4000-8000-000000000000/objects/", envelope, Taxii.MediaType))
            .TaxiiError(HttpStatusCode.NotFound);
        await (await PostRaw(partner, Inbound, "{\"objects\": {}}", Taxii.MediaType)).TaxiiError(HttpStatusCode.BadRequest);
        await (await PostRaw(partner, Inbound, "not json", Taxii.MediaType)).TaxiiError(HttpStatusCode.BadRequest);
        var huge = new JsonObject { ["objects"] = new JsonArray(Sighting(reportId)), ["padding"] = new string('x', 300 * 1024) }.ToJsonString();
        await (await PostRaw(partner, Inbound, huge, Taxii.MediaType)).TaxiiError(HttpStatusCode.RequestEntityTooLarge);
        var undeclared = new HttpRequestMessage(HttpMethod.Post, Inbound) { Content = new UndeclaredLength(Encoding.UTF8.GetBytes(huge)) };
        await (await partner.SendAsync(undeclared)).TaxiiError(HttpStatusCode.RequestEntityTooLarge);
        // The inbound collection is write-only.
        await (await partner.GetAsync(Inbound)).TaxiiError(HttpStatusCode.Forbidden);
        Assert.Equal(0, await _f.InStoreAsync(db => db.Sightings.CountAsync()));
        Assert.Equal(0, await _f.InStoreAsync(db => db.SightingSubmissions.CountAsync()));
    }

    [Fact]
    public async Task The_inbound_collection_is_listed_and_writable_only_with_the_sightings_scope()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var collections = (await partner.TaxiiGet("/taxii2/api/collections/"))["collections"]!.AsArray();
        Assert.Equal([Taxii.CollectionId, SightingsId], collections.Select(c => (string)c!["id"]!));
        var inbound = collections[1]!;
        Assert.Equal("sightings", (string?)inbound["alias"]);
        Assert.False((bool)inbound["can_read"]!);
        Assert.True((bool)inbound["can_write"]!);
        Assert.Equal(SightingsId, (string?)(await partner.TaxiiGet("/taxii2/api/collections/sightings/"))["id"]);

        var issued = await _f.Staff().PostJson("/api/v1/keys", new
        {
            owner = "partner", partnerId = _f.PartnerInfo(DemoFacts.Trusted).Id, name = "poller", scopes = new[] { "partner:read" },
        }, HttpStatusCode.Created);
        var readOnly = _f.WithKey((string)issued["token"]!).AcceptingTaxii();
        var seen = (await readOnly.TaxiiGet($"/taxii2/api/collections/{SightingsId}/"));
        Assert.False((bool)seen["can_write"]!);
        var (reportId, _) = await OpenReport(partner);
        await (await Post(readOnly, Inbound, Sighting(reportId))).TaxiiError(HttpStatusCode.Forbidden);
        // Staff keys read the feed but send no sightings.
        await (await Post(_f.Staff().AcceptingTaxii(), Inbound, Sighting(reportId))).TaxiiError(HttpStatusCode.Forbidden);
        Assert.Equal(0, await _f.InStoreAsync(db => db.Sightings.CountAsync()));
    }

    [Fact]
    public async Task A_status_is_shown_only_to_the_partner_that_made_it()
    {
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var (reportId, _) = await OpenReport(partner);
        var statusId = (string)(await (await Post(partner, Inbound, Sighting(reportId))).TaxiiJson(HttpStatusCode.Accepted))["id"]!;

        var other = await (await _f.Partner(DemoFacts.Validate).AcceptingTaxii().GetAsync($"/taxii2/api/status/{statusId}/")).TaxiiError(HttpStatusCode.NotFound);
        var none = await (await _f.Partner(DemoFacts.Validate).AcceptingTaxii().GetAsync($"/taxii2/api/status/{Guid.NewGuid()}/")).TaxiiError(HttpStatusCode.NotFound);
        Assert.Equal((string?)other["title"], (string?)none["title"]);
        await (await _f.Staff().AcceptingTaxii().GetAsync($"/taxii2/api/status/{statusId}/")).TaxiiError(HttpStatusCode.NotFound);
        await (await partner.GetAsync("/taxii2/api/status/not-a-status/")).TaxiiError(HttpStatusCode.NotFound);
        await partner.TaxiiGet($"/taxii2/api/status/{statusId}/");
    }

    [Fact]
    public async Task A_suspended_partner_can_send_nothing()
    {
        var staff = _f.Staff();
        var partner = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var (reportId, _) = await OpenReport(partner);
        await staff.PostJson($"/api/v1/partners/{_f.PartnerInfo(DemoFacts.Trusted).Id}/status",
            new { status = "suspended", reason = "Suspected leak under investigation" }, HttpStatusCode.OK);
        var refused = await (await Post(partner, Inbound, Sighting(reportId))).TaxiiError(HttpStatusCode.Forbidden);
        Assert.Equal("partner-not-receiving", (string?)refused["error_code"]);

        var suspended = await Post(_f.Partner(DemoFacts.Suspended).AcceptingTaxii(), Inbound, Sighting(reportId));
        Assert.True(suspended.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        Taxii.IsTaxiiMediaType(suspended);
        Assert.Equal(0, await _f.InStoreAsync(db => db.Sightings.CountAsync()));
    }

    [Fact]
    public async Task Staff_list_what_partners_sighted_per_advisory()
    {
        var trusted = _f.Partner(DemoFacts.Trusted).AcceptingTaxii();
        var entry = _f.Partner(DemoFacts.Entry).AcceptingTaxii();
        var (reportId, _) = await OpenReport(trusted);
        await (await Post(trusted, Inbound, Sighting(reportId, count: 4))).TaxiiJson(HttpStatusCode.Accepted);
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await Post(entry, Inbound, Sighting(reportId, count: 11))).TaxiiJson(HttpStatusCode.Accepted);

        var list = (await _f.Staff().GetJson($"/api/v1/advisories/{DemoFacts.Replay}/sightings")).AsArray();
        Assert.Equal(2, list.Count);
        Assert.StartsWith(DemoFacts.Entry, (string?)list[0]!["partner"], StringComparison.Ordinal); // newest first
        Assert.Equal(11, (int)list[0]!["count"]!);
        Assert.Equal(ForewarnFactory.Start.AddMinutes(5), DateTimeOffset.Parse((string)list[0]!["receivedAt"]!, CultureInfo.InvariantCulture));
        Assert.StartsWith(DemoFacts.Trusted, (string?)list[1]!["partner"], StringComparison.Ordinal);
        Assert.Equal(_f.PartnerInfo(DemoFacts.Trusted).Id, Guid.Parse((string)list[1]!["partnerId"]!));
        Assert.Equal(reportId, (string?)list[1]!["sightingOfRef"]);
        Assert.NotNull(list[1]!["firstSeen"]);
        Assert.NotNull(list[1]!["lastSeen"]);

        Assert.Empty((await _f.Staff().GetJson($"/api/v1/advisories/{DemoFacts.EmbargoReference(_f)}/sightings")).AsArray());
        await (await _f.Staff().GetAsync("/api/v1/advisories/FW-1999-0001/sightings")).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/advisories/{DemoFacts.Replay}/sightings")).StatusCode);
    }

    /// <summary>A body sent without Content-Length (chunked), so only reading it can find it too large.</summary>
    private sealed class UndeclaredLength : HttpContent
    {
        private readonly byte[] _bytes;

        public UndeclaredLength(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii.MediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
