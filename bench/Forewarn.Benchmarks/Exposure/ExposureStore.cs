extern alias server;

using System.Diagnostics;
using System.Security.Cryptography;
using Forewarn.Benchmarks.Http;
using Forewarn.Domain.Access;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;
using Microsoft.EntityFrameworkCore;
using server::Forewarn.Server.Demo;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Exposure;

/// <summary>
/// A programme to investigate at scale: the demo (tiers, jurisdictions, policy, the embargoed
/// advisory with its six artifacts and waves) loaded six days ago, partners added up to N through
/// the domain objects, and a log of M <c>content.served</c> entries of that advisory's artifacts —
/// every entry one the exposure analysis must read — to random partners at times spread over the
/// six days, appended by <see cref="LogStore.AppendAsync"/> itself in large batches (so entries,
/// nodes and a signed checkpoint per batch are exactly the log's rows).
/// </summary>
internal static class ExposureStore
{
    public sealed record Built(string Reference, DateTimeOffset Loaded, long Entries, int Partners, TimeSpan Took);

    public static async Task<Built> BuildAsync(string dataDirectory, string? postgres, int partners, long entries, int batch, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(dataDirectory);
        var loaded = DateTimeOffset.UtcNow.AddDays(-6);
        await using (var db = DriverRun.OpenStore(dataDirectory, postgres))
        {
            await db.Database.MigrateAsync(ct);
            if (postgres is null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await DemoProgram.LoadAsync(db, loaded, ct);
        }
        var tiers = new[] { "Entry", "Trusted", "Validate" };
        var countries = new[] { "DE", "US", "GB", "CN", "JP", "FR", "IN", "BR" };
        int have;
        await using (var db = DriverRun.OpenStore(dataDirectory, postgres)) have = await db.Partners.CountAsync(ct);
        foreach (var chunk in Enumerable.Range(have, Math.Max(0, partners - have)).Chunk(2_000))
        {
            await using var db = DriverRun.OpenStore(dataDirectory, postgres);
            foreach (var i in chunk)
            {
                var p = Partner.Create($"Exposure Partner {i:00000}", countries[i % countries.Length], [], PartnerCategory.AntivirusEdr,
                    tiers[i % tiers.Length], Contract.Create("NDA-2026", loaded.AddDays(-60), loaded.AddYears(2)), loaded.AddDays(-30), "exposure benchmark");
                p.ChangeStatus(PartnerStatus.Active, "Exposure benchmark", loaded.AddDays(-30), "exposure benchmark");
                db.Partners.Add(p);
            }
            await db.SaveChangesAsync(ct);
        }

        await using (var db = DriverRun.OpenStore(dataDirectory, postgres))
        {
            var reference = await db.Advisories.Where(a => a.ReleaseAt > loaded.AddDays(1)).Select(a => a.Reference).SingleAsync(ct);
            var advisory = await db.Advisories.SingleAsync(a => a.Reference == reference, ct);
            var artifacts = await db.Artifacts.Where(a => a.AdvisoryId == advisory.Id).Select(a => a.Id).ToListAsync(ct);
            var ids = await db.Partners.Select(p => p.Id).ToListAsync(ct);
            var key = NoteKey.Generate("bench.forewarn.example/forewarn/log");
            var random = new Random(14);
            var span = TimeSpan.FromDays(6).Ticks;
            MerkleFrontier? edge = null;
            long size = 0;
            while (size < entries)
            {
                var n = (int)Math.Min(batch, entries - size);
                // Times rise with the index, as they do in a log, with the jitter of concurrent requests.
                var events = Enumerable.Range(0, n).Select(i =>
                {
                    var at = loaded.AddTicks(span * (size + i) / entries + random.Next(0, 10_000_000));
                    var partner = ids[random.Next(ids.Count)];
                    var decision = new Entitlement(true, at, loaded, [new Finding(RuleIds.TierLeadTime, Effect.Grants, "the tier receives it early", loaded)]);
                    var copy = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(random.NextInt64())));
                    return AccessRecord.Served(partner, partner.Value, artifacts[random.Next(artifacts.Count)], advisory.Id, "api", decision, copy, random.Next(0, 64)).ToLogEvent();
                }).ToList();
                var done = await LogStore.AppendAsync(db, events, edge, (s, root) => LogKey.Sign(key, s, root), loaded.AddTicks(span * (size + n) / entries), ct)
                           ?? throw new InvalidOperationException("A batch appended nothing.");
                edge = done.Edge;
                size = done.Checkpoint.Size;
                db.ChangeTracker.Clear();
                if (size % 200_000 < batch) Console.WriteLine($"  {size:N0} entries, {clock.Elapsed.TotalSeconds:N0} s so far");
            }
            if (postgres is not null) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
            else await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            return new Built(reference, loaded, size, await db.Partners.CountAsync(ct), clock.Elapsed);
        }
    }
}
