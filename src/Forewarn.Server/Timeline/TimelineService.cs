using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Api;
using Forewarn.Server.Cases;
using Forewarn.Server.Exposure;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Timeline;

/// <summary>
/// The incident timeline of an advisory, or of a case on one: its waves (published, planned, cancelled),
/// the release (moved, broken), revisions and sightings; for each partner its first notice and its first
/// fetch of each content class (fetches from the log's <c>content.served</c> entries, as the exposure
/// analysis reads them); for a case its steps, evidence, decisions and appeals. Data only — drawn by <see cref="TimelineImages"/>.
/// </summary>
public sealed class TimelineService(ForewarnDb db, CaseService cases, TimeProvider clock)
{
    /// <summary>Partner lanes drawn one per partner; beyond this the rest share one lane, and the subtitle says how many.</summary>
    public const int MaxPartnerLanes = 14;

    public async Task<TimelinePicture> OfAdvisoryAsync(string id, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var (programme, partners) = await AdvisoryLanesAsync(advisory, [], ct);
        return Picture($"{advisory.Reference} — {advisory.Title}", "Waves, release, sightings, and each partner's first notice and first fetch per content class",
            programme, partners);
    }

    public async Task<TimelinePicture> OfCaseAsync(string id, CancellationToken ct)
    {
        var c = await cases.FindAsync(id, ct);
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == c.AdvisoryId, ct);
        var decisions = await db.CaseDecisions.AsNoTracking().Where(d => d.CaseId == c.Id).OrderBy(d => d.Number).ToListAsync(ct);
        var evidence = await db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Number)
            .Select(e => new { e.Number, e.Kind, e.AddedAt }).ToListAsync(ct);
        var (programme, partners) = await AdvisoryLanesAsync(advisory, [.. decisions.Select(d => d.PartnerId)], ct);
        var names = partners.ToDictionary(p => p.Id, p => p.Name);

        List<TimelineMark> steps = [new(c.OpenedAt, MarkKind.CaseStep, "Case opened")];
        steps.AddRange(evidence.Select(e => new TimelineMark(e.AddedAt, MarkKind.Evidence, $"Evidence {e.Number}: {CaseEvidence.Name(e.Kind)}")));
        if (c.ClosedAt is { } closed) steps.Add(new(closed, MarkKind.CaseStep, "Case closed"));
        var decided = new List<TimelineMark>();
        foreach (var d in decisions)
        {
            decided.Add(new(d.EffectiveAt ?? d.DecidedAt, MarkKind.Decision,
                $"Decision {d.Number}: {d.Kind.Name()}{(d.State == DecisionState.Pending ? " (pending)" : "")} — {names.GetValueOrDefault(d.PartnerId, "")}"));
            if (d.AppealedAt is { } appealed) decided.Add(new(appealed, MarkKind.Appeal, $"Appeal of decision {d.Number}"));
            if (d.AppealDecidedAt is { } ruled) decided.Add(new(ruled, MarkKind.Appeal, $"Appeal of {d.Number} {d.AppealOutcome?.Name()}"));
        }
        programme.Add(new TimelineLane($"Case {c.Reference}", steps));
        if (decided.Count > 0) programme.Add(new TimelineLane("Decisions and appeals", decided));
        return Picture($"{c.Reference} — {c.Title}", $"Case on {advisory.Reference}: waves, release, sightings, partners' first notices and fetches, evidence and decisions",
            programme, partners);
    }

    private sealed record PartnerActivity(PartnerId Id, string Name, List<TimelineMark> Marks)
    {
        public DateTimeOffset First => Marks.Count == 0 ? DateTimeOffset.MaxValue : Marks.Min(m => m.At);
    }

    private async Task<(List<TimelineLane> Programme, List<PartnerActivity> Partners)> AdvisoryLanesAsync(Advisory advisory,
        IReadOnlyCollection<PartnerId> alsoShow, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).OrderBy(w => w.Number).ToListAsync(ct);
        var history = await AdvisoryHistory.ReadAsync(db, advisory, ct);
        var waveMarks = waves.Select(w => new TimelineMark(w.At, w.At <= now ? MarkKind.WavePublished : MarkKind.WavePlanned, WaveName(w)))
            .Concat(history.Where(m => m.Kind == MarkKind.WaveCancelled)).ToList();
        var release = history.Where(m => m.Kind != MarkKind.WaveCancelled)
            .Append(new TimelineMark(advisory.ReleaseAt, MarkKind.Release, advisory.WithdrawnAt is null ? "Release" : "Release (withdrawn)")).ToList();
        var revisions = advisory.Revisions.Select(r => new TimelineMark(r.At, MarkKind.Revision, $"Revision {r.Number}: {r.Summary}")).ToList();

        List<TimelineLane> programme = [new("Waves", waveMarks), new("Release", release), new("Revisions", revisions), new("Sightings", await SightingsAsync(advisory, ct))];

        // Partners: the first notice of the advisory, and the first copy of each content class the log shows served.
        var activity = new Dictionary<PartnerId, List<TimelineMark>>();
        List<TimelineMark> Of(PartnerId p) => activity.TryGetValue(p, out var list) ? list : activity[p] = [];
        var notices = await db.Notices.AsNoTracking().Where(n => n.AdvisoryId == advisory.Id).Select(n => new { n.PartnerId, n.Kind, n.At }).ToListAsync(ct);
        foreach (var first in notices.GroupBy(n => n.PartnerId).Select(g => g.MinBy(n => n.At)!))
            Of(first.PartnerId).Add(new TimelineMark(first.At, MarkKind.Notice, $"Notice ({Notice.Name(first.Kind)})"));
        var classOf = await db.Artifacts.AsNoTracking().Where(x => x.AdvisoryId == advisory.Id)
            .Select(x => new { x.Id, x.Class }).ToDictionaryAsync(x => x.Id, x => x.Class, ct);
        foreach (var ((partner, cls), first) in await ServedByThen.ReadAsync(db, classOf, DateTimeOffset.MaxValue, long.MaxValue, ct))
            Of(partner).Add(new TimelineMark(first.Copy.At, MarkKind.Fetch, $"First fetch of {cls.Name()}", cls.Name()));
        foreach (var p in alsoShow) Of(p);
        var ids = activity.Keys.ToList();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        var partners = activity.Select(a => new PartnerActivity(a.Key, names.GetValueOrDefault(a.Key, a.Key.ToString()), a.Value))
            .OrderBy(p => p.First).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        return (programme, partners);
    }

    private async Task<List<TimelineMark>> SightingsAsync(Advisory advisory, CancellationToken ct)
    {
        var staff = await db.StaffSightings.AsNoTracking().Where(s => s.AdvisoryId == advisory.Id).ToListAsync(ct);
        var partner = await db.Sightings.AsNoTracking().Where(s => s.AdvisoryId == advisory.Id).ToListAsync(ct);
        var ids = partner.Select(s => s.PartnerId).Distinct().ToList();
        var names = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
        return
        [
            .. staff.Select(s => new TimelineMark(s.FirstObservedAt, MarkKind.Sighting, $"Sighting ({s.Confidence.Name()}): {s.Source}")),
            // A partner revises a sighting: its first version's first_seen (else when it arrived) stands for it.
            .. partner.GroupBy(s => (s.PartnerId, s.StixId)).Select(g => g.MinBy(s => s.Modified)!)
                .Select(s => new TimelineMark(s.FirstSeen ?? s.ReceivedAt, MarkKind.Sighting, $"Sighting by {names.GetValueOrDefault(s.PartnerId, "a partner")}")),
        ];
    }

    private static string WaveName(Wave w) => w.Kind == WaveKind.Notice ? $"Wave {w.Number} notice" : $"Wave {w.Number} {w.Kind.ToString().ToLowerInvariant()}";

    private static TimelinePicture Picture(string title, string what, List<TimelineLane> programme, List<PartnerActivity> partners)
    {
        var lanes = programme.Where(l => l.Marks.Count > 0 || l.Name == "Waves").ToList();
        var folded = partners.Count > MaxPartnerLanes ? partners.Count - (MaxPartnerLanes - 1) : 0;
        var shown = folded > 0 ? partners.Take(MaxPartnerLanes - 1) : partners;
        lanes.AddRange(shown.Select(p => new TimelineLane(p.Name, p.Marks, Partner: true)));
        if (folded > 0)
            lanes.Add(new TimelineLane($"{folded} more partners", [.. partners.Skip(MaxPartnerLanes - 1).SelectMany(p => p.Marks)], Partner: true));
        var count = partners.Count == 0 ? "no partner was told or fetched anything"
            : folded > 0 ? $"{partners.Count} partners, the {folded} latest folded into one lane"
            : Counted.Of(partners.Count, "partner", "partners");
        return new TimelinePicture(title, $"{what} · {count}", lanes, folded);
    }
}
