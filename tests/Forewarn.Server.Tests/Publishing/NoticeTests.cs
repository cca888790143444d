using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>
/// Partners who know of an embargoed advisory are told, in a new wave, when its release moves
/// or it is withdrawn; partners who were never told of it learn nothing.
/// </summary>
public sealed class NoticeTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Postponing_a_notified_advisory_adds_a_notice_wave_and_tells_those_who_know()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var before = await DemoFacts.Advisory(staff, reference);
        var newRelease = DateTimeOffset.Parse((string)before["releaseAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddDays(2);

        await staff.PostJson($"/api/v1/advisories/{reference}/release-time",
            new { releaseAt = newRelease, reason = "The fix needs another build" }, HttpStatusCode.OK);

        var after = await DemoFacts.Advisory(staff, reference);
        var notice = after["waves"]!.AsArray().Last()!;
        Assert.Equal("notice", (string?)notice["kind"]);
        Assert.Contains("postponed", (string?)notice["note"], StringComparison.Ordinal);
        Assert.Empty(notice["artifactIds"]!.AsArray());

        var trusted = await _f.Partner(DemoFacts.Trusted).GetJson("/api/v1/me/notices");
        var told = trusted.AsArray().Single(n => (string?)n!["advisory"] == reference && (string?)n["kind"] != "wave")!;
        Assert.Equal("postponed", (string?)told["kind"]);
        Assert.Contains("another build", (string?)told["text"], StringComparison.Ordinal);

        // A suspended partner knows nothing of the advisory and is told nothing.
        var suspended = await _f.InStoreAsync(async db =>
        {
            var id = _f.PartnerInfo(DemoFacts.Suspended).Id;
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.Notices, n => n.PartnerId == new Domain.Common.PartnerId(id));
        });
        Assert.Equal(0, suspended);
        var staffView = await staff.GetJson($"/api/v1/advisories/{reference}/notices");
        Assert.NotEmpty(staffView.AsArray());
    }

    [Fact]
    public async Task Withdrawing_a_notified_advisory_tells_those_who_know_in_a_notice_wave()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        await staff.PostJson($"/api/v1/advisories/{reference}/withdraw", new { reason = "Duplicate of FW-2025-0708." }, HttpStatusCode.OK);

        var after = await DemoFacts.Advisory(staff, reference);
        Assert.Equal("notice", (string?)after["waves"]!.AsArray().Last()!["kind"]);
        var notices = await _f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/notices");
        Assert.Contains(notices.AsArray(), n => (string?)n!["kind"] == "withdrawn" && (string?)n["advisory"] == reference);
    }

    [Fact]
    public async Task Moving_the_release_of_an_advisory_nobody_was_told_of_adds_no_wave()
    {
        var staff = _f.Staff();
        await Releases.ScheduleAsync(staff, "FW-2026-9101", ForewarnFactory.Start.AddDays(3));
        await staff.PostJson("/api/v1/advisories/FW-2026-9101/release-time",
            new { releaseAt = ForewarnFactory.Start.AddDays(5), reason = "Vendor asked for time" }, HttpStatusCode.OK);
        var after = await DemoFacts.Advisory(staff, "FW-2026-9101");
        Assert.Empty(after["waves"]!.AsArray());
        var notices = await staff.GetJson("/api/v1/advisories/FW-2026-9101/notices");
        Assert.Empty(notices.AsArray());
    }
}
