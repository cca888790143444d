using System.Globalization;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Api;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Signals;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Exposure;

/// <summary>
/// Exposure analysis: for an advisory and a moment T (say, when exploitation was first seen),
/// what each partner held by T. Entitlements are the policy's decisions at T over the facts as
/// they were then (<see cref="FactsAt"/>); fetches come only from the log's <c>content.served</c>
/// entries, read up to the latest signed checkpoint, so an auditor can recompute them
/// (docs/exposure.md). "By T" includes T itself.
/// </summary>
public sealed class ExposureService(ForewarnDb db, TimeProvider clock, SourceCountries? countries = null)
{
    public async Task<ExposureReport> AnalyseAsync(string advisory, string? before, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var t = When(before, now);
        var a = await db.AdvisoryAsync(advisory, ct);
        var checkpoint = await LogStore.LatestAsync(db, ct);
        var facts = await FactsAt.LoadAsync(db, a.Id, t, ct);
        var classOf = await db.Artifacts.AsNoTracking().Where(x => x.AdvisoryId == a.Id)
            .Select(x => new { x.Id, x.Class }).ToDictionaryAsync(x => x.Id, x => x.Class, ct);
        var served = await ServedByThen.ReadAsync(db, classOf, t, checkpoint?.Size ?? 0, ct);
        var included = await FirstCheckpoints.ForAsync(db, [.. served.Values.Select(s => s.Index)], ct);
        var table = countries is null ? null : (await countries.CurrentAsync(ct)).Table;
        var sources = await FetchSources.ForAsync(db, [.. served.Values.Select(s => s.Index)], table, ct);
        var notices = (await db.Notices.AsNoTracking().Where(n => n.AdvisoryId == a.Id && n.At <= t)
                .Select(n => new { n.PartnerId, n.Kind, n.At }).ToListAsync(ct))
            .OrderBy(n => n.At).ToLookup(n => n.PartnerId, n => new NoticeSent(Notice.Name(n.Kind), n.At));

        var classes = facts.Artifacts.Select(x => x.Class).Concat(served.Keys.Select(k => k.Class)).Distinct().Order().ToList();
        var rows = new List<PartnerExposure>(facts.Partners.Count);
        foreach (var partner in facts.Partners.Values)
        {
            var perClass = new List<ClassExposure>(classes.Count);
            foreach (var cls in classes)
            {
                var decision = Earliest(facts, partner, cls);
                var first = served.GetValueOrDefault((partner.Id, cls));
                var fetch = first is null ? null
                    : new FetchSeen(first.Index, first.Copy.At, first.Copy.Channel, first.Copy.Artifact.Value, first.Copy.CopySha256, included(first.Index),
                        sources.GetValueOrDefault(first.Index));
                perClass.Add(decision is null
                    ? new ClassExposure(cls.Name(), false, "none", null, [], $"No {cls.Describe()} of {a.Reference} existed at {Moments.Show(t)}.", first?.Count ?? 0, fetch)
                    : new ClassExposure(cls.Name(), decision.Allowed, decision.Verdict, decision.OpensAt, [.. decision.Deciding.Select(f => f.Rule).Distinct()],
                        decision.Explanation, first?.Count ?? 0, fetch));
            }
            rows.Add(Row(partner, t, perClass, [.. notices[partner.Id]]));
        }

        List<PartnerExposure> In(string group, Func<PartnerExposure, DateTimeOffset?> early) =>
            [.. rows.Where(r => r.Group == group).OrderBy(r => early(r) ?? DateTimeOffset.MaxValue).ThenBy(r => r.Partner, StringComparer.Ordinal)];
        var groups = new ExposureGroups(
            In(ExposureGroup.FetchedPoc, r => r.Classes.First(c => c.Class == ContentClass.Poc.Name()).FirstFetch!.At),
            In(ExposureGroup.FetchedOther, r => r.FirstFetchAt),
            In(ExposureGroup.EntitledNotFetched, r => r.FirstOpenAt),
            In(ExposureGroup.Nothing, _ => null));
        return new ExposureReport(a.Id.Value, a.Reference, t, now,
            checkpoint is null ? null : new CheckpointSeen(checkpoint.Size, checkpoint.SignedAt), [.. classes.Select(c => c.Name())], groups);
    }

    /// <summary>
    /// The decision at T for the class: of its artifacts, the one open earliest; else the one that
    /// opens soonest; else the first. Null when the class has no artifact at T.
    /// </summary>
    private static Entitlement? Earliest(FactsAt facts, Partner partner, ContentClass cls)
    {
        Entitlement? best = null;
        foreach (var artifact in facts.Artifacts)
        {
            if (artifact.Class != cls) continue;
            var d = facts.Decide(partner, artifact);
            if (best is null || Rank(d).CompareTo(Rank(best)) < 0) best = d;
        }
        return best;

        static (int, DateTimeOffset) Rank(Entitlement e) =>
            (e.Allowed ? 0 : e.OpensAt is not null ? 1 : 2, e.OpensAt ?? DateTimeOffset.MaxValue);
    }

    private static PartnerExposure Row(Partner partner, DateTimeOffset t, List<ClassExposure> classes, List<NoticeSent> notices)
    {
        var firstOpen = classes.Where(c => c.Open).Select(c => c.OpensAt).Min();
        var firstFetch = classes.Where(c => c.FirstFetch is not null).Select(c => (DateTimeOffset?)c.FirstFetch!.At).Min();
        var group = classes.Any(c => c.Class == ContentClass.Poc.Name() && c.FirstFetch is not null) ? ExposureGroup.FetchedPoc
            : firstFetch is not null ? ExposureGroup.FetchedOther
            : firstOpen is not null ? ExposureGroup.EntitledNotFetched
            : ExposureGroup.Nothing;
        return new PartnerExposure(partner.Id.Value, partner.LegalName, partner.StatusAt(t).Name(), group,
            firstOpen, Lead(t, firstOpen), firstFetch, Lead(t, firstFetch), notices, classes);
    }

    private static double? Lead(DateTimeOffset t, DateTimeOffset? from) => from is { } f ? Math.Round((t - f).TotalHours, 1) : null;

    /// <summary>T from the query: required, ISO 8601 (UTC unless it names an offset), not in the future.</summary>
    private static DateTimeOffset When(string? before, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(before))
            throw new DomainException("missing-parameter", "Give ?before=<time>, the moment to look back from (ISO 8601, e.g. 2025-07-07T00:00:00Z).");
        if (!DateTimeOffset.TryParse(before.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            throw new DomainException("invalid-time", $"'{Shown(before)}' is not a time; write ISO 8601, e.g. 2025-07-07T00:00:00Z.");
        if (t > now)
            throw new DomainException("before-in-future",
                $"{Moments.Show(t)} is in the future (it is {Moments.Show(now)}): exposure looks back from a moment that has passed.");
        return t;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
