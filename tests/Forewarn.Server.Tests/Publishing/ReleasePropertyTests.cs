using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>
/// The release rule through the real server and store, over random plans from FsCheck: release
/// times, postponements, clock jumps, and servers that stop and start (each start runs the
/// scheduler's first pass). After every step nothing is public before its release time and no
/// advisory is published twice; at the end, once a server runs, nothing due is missing.
/// (The same rule over thousands of histories without a server: ReleaseScheduleProperties.)
/// </summary>
public sealed class ReleasePropertyTests
{
    public sealed record Plan(int[] ReleaseMinutes, int?[] PostponeMinutes, (int Minutes, bool ServerUp)[] Steps)
    {
        public override string ToString() =>
            $"releases +{string.Join("/+", ReleaseMinutes)} min, postponed {string.Join("/", PostponeMinutes.Select(p => p?.ToString() ?? "-"))}, " +
            $"steps {string.Join(" ", Steps.Select(s => $"+{s.Minutes}{(s.ServerUp ? "↑" : "↓")}"))}";
    }

    private static readonly Gen<Plan> Plans =
        from releases in Gen.ArrayOf(Gen.Choose(1, 300), 3)
        from postpones in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 240).Select(m => (int?)m))), 3)
        from steps in Gen.ArrayOf(Gen.Choose(0, 150).Zip(Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))), 6)
        select new Plan(releases, postpones, steps);

    [Fact]
    public async Task Random_clocks_postponements_and_restarts_never_early_never_twice_never_lost()
    {
        foreach (var plan in Plans.Sample(6))
            await RunAsync(plan);
    }

    private static async Task RunAsync(Plan plan)
    {
        await using var f = new ForewarnFactory();
        // The first server only answers readers; "the" releasing server comes and goes below.
        f.Settings["csaf:scheduler"] = "off";
        var staff = f.Staff();
        var anyone = f.CreateClient();
        var references = new string[3];
        var releaseAt = new DateTimeOffset[3];
        for (var i = 0; i < 3; i++)
        {
            references[i] = $"FW-2026-950{i}";
            releaseAt[i] = ForewarnFactory.Start.AddMinutes(plan.ReleaseMinutes[i]);
            await Releases.ScheduleAsync(staff, references[i], releaseAt[i], $"CVE-2026-4150{i}");
            if (plan.PostponeMinutes[i] is { } later)
            {
                releaseAt[i] = releaseAt[i].AddMinutes(later);
                await staff.PostJson($"/api/v1/advisories/{references[i]}/release-time",
                    new { releaseAt = releaseAt[i], reason = "Postponed in the plan" }, HttpStatusCode.OK);
            }
        }

        SecondServer? server = null;
        try
        {
            foreach (var (minutes, up) in plan.Steps)
            {
                f.Clock.Advance(TimeSpan.FromMinutes(minutes));
                if (up && server is null)
                {
                    server = new SecondServer(f);
                    server.CreateClient();
                }
                else if (!up && server is not null)
                {
                    await server.DisposeAsync();
                    server = null;
                }
                if (server is not null) await Releases.PassAsync(server);
                await CheckAsync(f, anyone, references, releaseAt, plan, mustBeComplete: false);
            }
            if (server is null)
            {
                server = new SecondServer(f);
                server.CreateClient();
            }
            await Releases.PassAsync(server);
            await CheckAsync(f, anyone, references, releaseAt, plan, mustBeComplete: true);
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
        }
    }

    private static async Task CheckAsync(ForewarnFactory f, HttpClient anyone, string[] references, DateTimeOffset[] releaseAt,
        Plan plan, bool mustBeComplete)
    {
        var now = f.Clock.GetUtcNow();
        for (var i = 0; i < references.Length; i++)
        {
            var reference = references[i];
            var isPublic = await Releases.AnywherePublicAsync(anyone, reference);
            var copies = await f.InStoreAsync(db => db.Publications.CountAsync(p => p.TrackingId == reference));
            var where = $"{reference} (release {releaseAt[i]:O}) at {now:O}; plan: {plan}";
            Assert.False(now < releaseAt[i] && isPublic, "public before its release time: " + where);
            Assert.True(copies <= 1, $"published {copies} times: " + where);
            if (mustBeComplete && now >= releaseAt[i]) Assert.True(isPublic, "lost: not public after a server ran: " + where);
        }
    }
}
