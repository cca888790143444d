using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Exposure;

/// <summary>
/// <c>GET /api/v1/advisories/{id}/exposure?before=T</c> on <see cref="ExposureStory"/>: each
/// partner in the right group, the fetch with its log index, copy and covering checkpoint, and
/// bad input answered with a problem.
/// </summary>
public sealed class ExposureApiTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();
    private string _reference = "";

    public async Task InitializeAsync() => _reference = await ExposureStory.PlayAsync(_f, _f.Staff(), _f.Partner);

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private Task<JsonNode> ReportAsync(DateTimeOffset before) =>
        _f.Staff().GetJson($"/api/v1/advisories/{_reference}/exposure?before={Uri.EscapeDataString(before.ToString("O", CultureInfo.InvariantCulture))}");

    private static List<JsonNode> Group(JsonNode report, string name) => [.. report["groups"]![name]!.AsArray().Select(r => r!)];

    private static JsonNode Row(JsonNode report, string partner) =>
        report["groups"]!.AsObject().SelectMany(g => g.Value!.AsArray()).Single(r => ((string)r!["partner"]!).StartsWith(partner, StringComparison.Ordinal))!;

    [Fact]
    public async Task Each_partner_is_in_the_group_of_what_it_held_by_T()
    {
        var report = await ReportAsync(ExposureStory.T);
        var partners = await _f.InStoreAsync(db => db.Partners.CountAsync());
        var rows = report["groups"]!.AsObject().SelectMany(g => g.Value!.AsArray()).ToList();
        Assert.Equal(partners, rows.Count);
        Assert.Equal(partners, rows.Select(r => (string)r!["partnerId"]!).Distinct().Count());

        Assert.Equal("fetched-poc", (string)Row(report, DemoFacts.Trusted)["group"]!);
        Assert.Equal("fetched-other", (string)Row(report, DemoFacts.Validate)["group"]!);
        // Quillon fetched the description only after T: entitled then, nothing fetched by then.
        Assert.Equal("entitled-not-fetched", (string)Row(report, DemoFacts.Restricted)["group"]!);
        Assert.Equal("nothing", (string)Row(report, DemoFacts.Suspended)["group"]!);
        Assert.Equal([(string)Row(report, DemoFacts.Trusted)["partnerId"]!], Group(report, "fetchedPoc").Select(r => (string)r["partnerId"]!));
        Assert.Equal(["notice", "description", "detection", "indicators", "mitigation", "poc"], report["classes"]!.AsArray().Select(c => (string)c!));

        // A later T sees Quillon's fetch.
        Assert.Equal("fetched-other", (string)Row(await ReportAsync(ExposureStory.T.AddHours(2)), DemoFacts.Restricted)["group"]!);
        // Before anything was fetched, nobody is in a fetched group.
        var early = await ReportAsync(ForewarnFactory.Start.AddMinutes(1));
        Assert.Empty(Group(early, "fetchedPoc"));
        Assert.Empty(Group(early, "fetchedOther"));
    }

    [Fact]
    public async Task A_fetch_shows_its_log_entry_copy_and_the_first_checkpoint_that_includes_it()
    {
        var report = await ReportAsync(ExposureStory.T);
        var bastion = Row(report, DemoFacts.Trusted);
        var poc = bastion["classes"]!.AsArray().Single(c => (string)c!["class"]! == "poc")!;
        Assert.True((bool)poc["open"]!);
        Assert.Equal("allowed", (string)poc["verdict"]!);
        Assert.Equal(2, (int)poc["fetches"]!);
        var fetch = poc["firstFetch"]!;
        var index = (long)fetch["logIndex"]!;
        Assert.Equal("api", (string)fetch["channel"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)fetch["copySha256"]!);
        Assert.True((long)fetch["checkpoint"]!["size"]! > index);

        // The same entry in the log: its body says what the report says, and no smaller checkpoint holds it.
        var entry = (await _f.Staff().GetJson($"/api/v1/log/entries?start={index}&limit=1"))["entries"]![0]!;
        Assert.Equal("content.served", (string)entry["kind"]!);
        Assert.Equal((string)fetch["copySha256"]!, (string)entry["entry"]!["copy_sha256"]!);
        Assert.Equal((string)bastion["partnerId"]!, (string)entry["entry"]!["partner"]!);
        Assert.Equal(DateTimeOffset.Parse((string)entry["entry"]!["at"]!, CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)fetch["at"]!, CultureInfo.InvariantCulture));
        var size = (long)fetch["checkpoint"]!["size"]!;
        var smaller = await _f.InStoreAsync(db => db.LogCheckpoints.AnyAsync(c => c.Size > index && c.Size < size));
        Assert.False(smaller);

        // Lead times are T minus the first open and the first fetch.
        var firstFetch = DateTimeOffset.Parse((string)bastion["firstFetchAt"]!, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round((ExposureStory.T - firstFetch).TotalHours, 1), (double)bastion["fetchLeadHours"]!);
        var firstOpen = DateTimeOffset.Parse((string)bastion["firstOpenAt"]!, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round((ExposureStory.T - firstOpen).TotalHours, 1), (double)bastion["openLeadHours"]!);
        Assert.True(firstOpen <= firstFetch);
        Assert.Contains("tier-lead-time", poc["rules"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Notices_are_listed_per_partner_in_order_and_only_up_to_T()
    {
        var report = await ReportAsync(ExposureStory.T);
        var notices = Row(report, DemoFacts.Trusted)["notices"]!.AsArray()
            .Select(n => ((string)n!["kind"]!, DateTimeOffset.Parse((string)n["at"]!, CultureInfo.InvariantCulture))).ToList();
        Assert.Contains(notices, n => n.Item1 == "wave");
        Assert.Equal(notices.OrderBy(n => n.Item2), notices);
        Assert.All(notices, n => Assert.True(n.Item2 <= ExposureStory.T));
        var early = await ReportAsync(ForewarnFactory.Start.AddTicks(-1));
        Assert.Empty(Row(early, DemoFacts.Trusted)["notices"]!.AsArray());
    }

    [Fact]
    public async Task Groups_are_sorted_earliest_first()
    {
        await ExposureStory.FetchAsync(_f.Partner("Fjordwatch"), await DemoFacts.ArtifactId(_f.Staff(), _reference, "notice"));
        var report = await ReportAsync(_f.Clock.GetUtcNow());
        var other = Group(report, "fetchedOther").Select(r => DateTimeOffset.Parse((string)r["firstFetchAt"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(other.Count >= 3, $"{other.Count} partners fetched other detail");
        Assert.Equal(other.Order(), other);
        var entitled = Group(report, "entitledNotFetched").Select(r => DateTimeOffset.Parse((string)r["firstOpenAt"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(entitled.Order(), entitled);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "missing-parameter")]
    [InlineData("?before=yesterday", HttpStatusCode.BadRequest, "invalid-time")]
    [InlineData("?before=2026-13-40T00:00:00Z", HttpStatusCode.BadRequest, "invalid-time")]
    [InlineData("?before=2099-01-01T00:00:00Z", HttpStatusCode.BadRequest, "before-in-future")]
    public async Task Bad_moments_are_problems(string query, HttpStatusCode status, string code)
    {
        using var response = await _f.Staff().GetAsync($"/api/v1/advisories/{_reference}/exposure{query}");
        await response.Problem(status, code);
    }

    [Fact]
    public async Task An_unknown_advisory_is_not_found_and_partners_may_not_ask()
    {
        using var unknown = await _f.Staff().GetAsync("/api/v1/advisories/FW-1999-0001/exposure?before=2026-01-01T00:00:00Z");
        var problem = await unknown.Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("FW-1999-0001", (string)problem["detail"]!, StringComparison.Ordinal);
        using var partner = await _f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/advisories/{_reference}/exposure?before=2026-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
    }
}
