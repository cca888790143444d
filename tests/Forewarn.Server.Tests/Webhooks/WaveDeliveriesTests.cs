using System.Net;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>The delivery matrix of a wave: made available, notified, first fetched, acknowledged, per partner.</summary>
public sealed class WaveDeliveriesTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync()
    {
        _f.Settings["csaf:scheduler"] = "off";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_matrix_follows_notice_fetch_and_acknowledgement_and_lists_the_unacknowledged_first()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        await _f.Services.GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(_f.Clock.GetUtcNow(), CancellationToken.None);
        var detection = await DemoFacts.ArtifactId(staff, reference, "detection");

        _f.Clock.Advance(TimeSpan.FromHours(3));
        var trusted = _f.Partner(DemoFacts.Trusted);
        Assert.Equal(HttpStatusCode.OK, (await trusted.GetAsync($"/api/v1/me/artifacts/{detection}/content")).StatusCode);
        _f.Clock.Advance(TimeSpan.FromHours(1));
        await trusted.PostJson($"/api/v1/me/advisories/{reference}/acknowledge", new { note = "staged" }, HttpStatusCode.OK);

        var matrix = await staff.GetJson($"/api/v1/advisories/{reference}/waves/1/deliveries");
        Assert.Equal(ForewarnFactory.Start, DateTimeOffset.Parse((string)matrix["announcedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var rows = matrix["rows"]!.AsArray();
        var bastion = rows.Single(r => ((string)r!["partner"]!).StartsWith(DemoFacts.Trusted, StringComparison.Ordinal))!;
        Assert.Equal("notice", (string?)bastion["notifiedBy"]);
        Assert.Equal("api", (string?)bastion["fetchChannel"]);
        Assert.NotNull((string?)bastion["firstFetchedAt"]);
        Assert.NotNull((string?)bastion["acknowledgedAt"]);
        var waiting = rows.Where(r => r!["acknowledgedAt"] is null && r["notifiedAt"] is not null).ToList();
        Assert.NotEmpty(waiting);
        Assert.All(waiting, r => Assert.Equal(4.0, (double)r!["hoursSinceNotice"]!));
        Assert.True(rows.IndexOf(bastion) > rows.IndexOf(waiting[^1]), "the unacknowledged come first");
        Assert.Equal((int)matrix["partners"]!, rows.Count);
        Assert.Equal(1, (int)matrix["acknowledged"]!);
        Assert.DoesNotContain(rows, r => ((string)r!["partner"]!).StartsWith(DemoFacts.Suspended, StringComparison.Ordinal));

        await (await staff.GetAsync($"/api/v1/advisories/{reference}/waves/9/deliveries")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await trusted.GetAsync($"/api/v1/advisories/{reference}/waves/1/deliveries")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }
}
