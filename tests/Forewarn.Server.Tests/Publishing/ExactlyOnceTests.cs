using Forewarn.Domain.Partners;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>
/// Two servers on one store (PostgreSQL in CI's second run, one SQLite file otherwise), both with
/// their schedulers running and both made to publish at the same moment: every release happens
/// exactly once, and every partner is told exactly once.
/// </summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Each_release_happens_once_when_two_servers_race_for_it()
    {
        var staff = _f.Staff();
        var release = ForewarnFactory.Start.AddHours(1);
        const int count = 12;
        for (var i = 0; i < count; i++)
            await Releases.ScheduleAsync(staff, $"FW-2026-{9200 + i}", release, $"CVE-2026-{41100 + i}");
        await using var second = new SecondServer(_f);
        second.CreateClient();
        var receiving = await _f.InStoreAsync(async db =>
            (await db.Partners.AsNoTracking().ToListAsync()).Count(p => p.StatusAt(release).Receives()));

        _f.Clock.SetUtcNow(release);
        var passes = Enumerable.Range(0, 3).SelectMany(_ => new[] { Releases.PassAsync(_f), Releases.PassAsync(second) });
        var published = (await Task.WhenAll(passes)).Sum();
        await Releases.EventuallyAsync(() => _f.InStoreAsync(db => db.Publications.CountAsync(p => p.TrackingId.StartsWith("FW-2026-92")))
            .ContinueWith(t => t.Result == count), "all releases are published");

        var versions = await _f.InStoreAsync(db => db.Publications.Where(p => p.TrackingId.StartsWith("FW-2026-92"))
            .GroupBy(p => p.TrackingId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(count, versions.Count);
        Assert.All(versions, v => Assert.Equal(1, v));
        Assert.True(published <= count, $"the passes claim {published} publications for {count} advisories");
        var notices = await _f.InStoreAsync(db => db.Notices.Where(n => n.Kind == Domain.Publishing.NoticeKind.Released)
            .Join(db.Advisories, n => n.AdvisoryId, a => a.Id, (n, a) => new { a.Reference, n.PartnerId })
            .Where(x => x.Reference.StartsWith("FW-2026-92")).ToListAsync());
        Assert.Equal(count * receiving, notices.Count);
        Assert.Equal(notices.Count, notices.Distinct().Count());
    }
}
