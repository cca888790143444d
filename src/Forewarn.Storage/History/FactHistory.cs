using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Tiers;
using Forewarn.Storage.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.History;

/// <summary>
/// The valid-from history of everything the policy reads (besides partners' status, which has
/// its own, and policy versions, which carry their own effective time). Written in the same save
/// as the change (<see cref="Record"/>), read back as the facts in force at a moment (<see cref="AtAsync"/>).
/// </summary>
public static class FactHistory
{
    /// <summary>
    /// Adds a row for every changed, added or removed subject to the pending save, from
    /// <paramref name="now"/> on, and the mark of the facts generation the save makes.
    /// </summary>
    internal static void Record(ForewarnDb db, DateTimeOffset now)
    {
        var stamp = db.ChangeTracker.Entries<ProgramSetting>().FirstOrDefault(e => e.Entity.Key == FactsGeneration.Key
            && e.State is EntityState.Added or EntityState.Modified);
        if (stamp is null) return;
        var generation = stamp.Entity.Value;
        var rows = new List<FactRecord> { new(FactKinds.Version, generation, now, null, generation) };
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (Describe(entry.Entity) is not var (kind, subject, facts)) continue;
            rows.Add(new FactRecord(kind, subject, now, entry.State == EntityState.Deleted ? null : facts, generation));
        }
        db.FactHistory.AddRange(rows);
    }

    private static (string Kind, string Subject, string Facts)? Describe(object entity) => entity switch
    {
        Partner p => (FactKinds.Partner, p.Id.Value.ToString(), StoreJson.Write(p.Facts)),
        Tier t => (FactKinds.Tier, t.Name, StoreJson.Write(t.Facts)),
        Jurisdiction j => (FactKinds.Jurisdiction, j.Code, StoreJson.Write(j.Snapshot)),
        Advisory a => (FactKinds.Advisory, a.Id.Value.ToString(), StoreJson.Write(a.Facts)),
        Wave w => (FactKinds.Wave, w.Id.Value.ToString(), StoreJson.Write(w.Facts)),
        _ => null,
    };

    /// <summary>Marks that a store's history has begun: from then on every fact change is recorded in its own save.</summary>
    public const string BegunSetting = "facts.history-begun";

    /// <summary>
    /// Gives every subject that has no history yet (a store from before histories were kept) a
    /// first row with its facts as they are now, once per store: afterwards every fact is written
    /// through the change tracker (bulk inserts write only notices, deliveries and checkpoints), so
    /// start-up does not read the whole programme again. Idempotent.
    /// </summary>
    public static async Task<int> BaselineAsync(ForewarnDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Settings.AsNoTracking().AnyAsync(s => s.Key == BegunSetting, ct)) return 0;
        var known = (await db.FactHistory.AsNoTracking().Select(r => new { r.Kind, r.Subject }).Distinct().ToListAsync(ct))
            .Select(r => (r.Kind, r.Subject)).ToHashSet();
        var generation = await FactsGeneration.ReadAsync(db, ct);
        var rows = new List<FactRecord>();
        void Add(string kind, string subject, string facts)
        {
            if (!known.Contains((kind, subject))) rows.Add(new FactRecord(kind, subject, now, facts, generation, reachesBack: true));
        }
        foreach (var p in await db.Partners.AsNoTracking().ToListAsync(ct)) Add(FactKinds.Partner, p.Id.Value.ToString(), StoreJson.Write(p.Facts));
        foreach (var t in await db.Tiers.AsNoTracking().ToListAsync(ct)) Add(FactKinds.Tier, t.Name, StoreJson.Write(t.Facts));
        foreach (var j in await db.Jurisdictions.AsNoTracking().ToListAsync(ct)) Add(FactKinds.Jurisdiction, j.Code, StoreJson.Write(j.Snapshot));
        foreach (var a in await db.Advisories.AsNoTracking().ToListAsync(ct)) Add(FactKinds.Advisory, a.Id.Value.ToString(), StoreJson.Write(a.Facts));
        foreach (var w in await db.Waves.AsNoTracking().ToListAsync(ct)) Add(FactKinds.Wave, w.Id.Value.ToString(), StoreJson.Write(w.Facts));
        db.FactHistory.AddRange(rows);
        db.Settings.Add(new ProgramSetting(BegunSetting, now.ToString("O")));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server starting at the same moment began it.
            db.ChangeTracker.Clear();
            return 0;
        }
        return rows.Count;
    }

    /// <summary>
    /// The demo replays a programme whose history reaches back years before it is loaded: the
    /// facts it loads are its first facts, as a store's were when its history began.
    /// </summary>
    public static Task<int> ReachBackAsync(ForewarnDb db, CancellationToken ct) =>
        db.FactHistory.ExecuteUpdateAsync(r => r.SetProperty(x => x.ReachesBack, true), ct);

    /// <summary>
    /// The facts in force at <paramref name="at"/> of every subject that changed after it (the
    /// others stand as they are now): for each, the last row not after <paramref name="at"/> —
    /// and, given the facts <paramref name="version"/> a decision was made under, not made after
    /// that version either, so a change in the same instant but after the decision does not count.
    /// A subject with no such row did not exist then, unless its first row reaches back.
    /// </summary>
    public static async Task<PastFacts> AtAsync(ForewarnDb db, DateTimeOffset at, string? version, CancellationToken ct)
    {
        var cut = version is null
            ? long.MaxValue
            : await db.FactHistory.AsNoTracking().Where(r => r.Generation == version)
                .Select(r => (long?)r.Id).MaxAsync(ct) ?? long.MaxValue;
        var changed = db.FactHistory.AsNoTracking().Where(r => r.Kind != FactKinds.Version && (r.From > at || r.Id > cut))
            .Select(r => r.Kind + "/" + r.Subject).Distinct();
        var rows = await db.FactHistory.AsNoTracking().Where(r => changed.Contains(r.Kind + "/" + r.Subject)).ToListAsync(ct);
        var then = new Dictionary<(string, string), string?>();
        foreach (var subject in rows.GroupBy(r => (r.Kind, r.Subject)))
        {
            var ordered = subject.OrderBy(r => r.Id).ToList();
            var inForce = ordered.LastOrDefault(r => r.From <= at && r.Id <= cut) ?? (ordered[0].ReachesBack ? ordered[0] : null);
            then[subject.Key] = inForce?.Facts;
        }
        return new PastFacts(then);
    }
}

/// <summary>The facts of the subjects that changed after a moment, as they were at that moment.</summary>
public sealed class PastFacts(IReadOnlyDictionary<(string Kind, string Subject), string?> then)
{
    /// <summary>Whether <paramref name="subject"/> changed after the moment; if so, its facts then (null: it did not exist).</summary>
    public bool Changed<T>(string kind, string subject, out T? facts) where T : class
    {
        var changed = Changed(kind, subject, typeof(T), out var read);
        facts = (T?)read;
        return changed;
    }

    /// <inheritdoc cref="Changed{T}"/>
    public bool Changed(string kind, string subject, Type factsType, out object? facts)
    {
        facts = null;
        if (!then.TryGetValue((kind, subject), out var json)) return false;
        if (json is not null) facts = StoreJson.Read(json, factsType);
        return true;
    }

    /// <summary>Subjects of a kind that changed after the moment.</summary>
    public IEnumerable<string> SubjectsOf(string kind) => then.Keys.Where(k => k.Kind == kind).Select(k => k.Subject);
}
