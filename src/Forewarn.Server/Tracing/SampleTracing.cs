using Forewarn.Domain.Common;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Auth;
using Forewarn.Storage;
using Forewarn.Tracing.Trace;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tracing;

/// <summary>
/// Traces a sample found in the wild against every fingerprinted artifact of its advisory — the
/// one place a sighting (and a case's evidence) does so. Each artifact goes through
/// <see cref="TraceService"/>, the one tracer, so each run is a <c>trace.run</c> entry of its own,
/// and, when the advisory has several, all of them together (one code across the advisory: a
/// leak mixing artifacts or partners' copies is scored over every mark it carries); the result
/// gathers them: per artifact the marks read, the threshold and whom it named, the combined
/// trace, and everyone named, with one sentence for a person.
/// </summary>
public sealed class SampleTracing(ForewarnDb db, TraceService tracer, TimeProvider clock)
{
    public async Task<SampleTrace> TraceAsync(AdvisoryId advisory, string sample, Actor staff, CancellationToken ct)
    {
        var marked = (await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory).ToListAsync(ct))
            .Where(a => ArtifactMarking.MethodFor(a) != MarkingMethod.None)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id.Value).ToList();
        // Everyone any of these traces names is named: with k traces each is held to ε/k (k fixed
        // by the advisory before any score), so together they name anyone innocent with chance at most ε.
        var runs = marked.Count > 1 ? marked.Count + 1 : marked.Count;
        var epsilon = Tracer.DefaultEpsilon / Math.Max(1, runs);
        var traces = new List<ArtifactTrace>();
        foreach (var artifact in marked)
        {
            TraceDto result;
            try
            {
                result = await tracer.TraceAsync(new TraceRequest(artifact.Id.ToString(), sample, epsilon), staff, ct);
            }
            catch (TraceRefusedException)
            {
                continue; // served without marks after all (a PoC that could not be marked): no copy of it can be told apart
            }
            traces.Add(new ArtifactTrace(result.ArtifactId, result.ArtifactTitle, result.Method, result.Sites, result.MarksRead, result.Epsilon,
                result.Threshold, [.. result.Accused.Select(a => new TracedPartner(a.PartnerId, a.PartnerName, a.Score))], result.Verdict));
        }
        ArtifactTrace? combined = null;
        if (traces.Count > 1)
        {
            var all = await tracer.TraceAsync(new TraceRequest(null, sample, epsilon, advisory.ToString()), staff, ct);
            combined = new ArtifactTrace(all.AdvisoryId, $"All {traces.Count} fingerprinted artifacts together", "advisory", all.Sites, all.MarksRead,
                all.Epsilon, all.Threshold, [.. all.Accused.Select(a => new TracedPartner(a.PartnerId, a.PartnerName, a.Score))], all.Verdict);
        }
        var accused = traces.Append(combined).OfType<ArtifactTrace>().SelectMany(t => t.Accused).GroupBy(p => p.PartnerId)
            .Select(g => g.MaxBy(p => p.Score)!).OrderByDescending(p => p.Score).ToList();
        var verdict = Verdict(traces, combined, accused);
        if (runs > 1)
            verdict += $" ({runs} traces, each held to ε = {TraceVerdict.Epsilon(epsilon)}: together they name anyone innocent with chance at most {TraceVerdict.Epsilon(Tracer.DefaultEpsilon)}.)";
        return new SampleTrace(clock.GetUtcNow(), traces, accused, verdict) { Combined = combined };
    }

    private static string Verdict(IReadOnlyList<ArtifactTrace> traces, ArtifactTrace? combined, IReadOnlyList<TracedPartner> accused)
    {
        if (traces.Count == 0)
            return "Not traced: the advisory has no fingerprinted artifact, so no copy of it can be told apart.";
        var read = traces.Where(t => t.MarksRead > 0).OrderByDescending(t => t.MarksRead).ToList();
        if (read.Count == 0)
            return $"No one named: the sample reads no mark of the advisory's {Counted.Of(traces.Count, "fingerprinted artifact", "fingerprinted artifacts")} — "
                + "it is not a copy of one, or every marked word in it was rewritten.";
        if (accused.Count == 0)
            return $"No one named: the sample reads {read[0].MarksRead} of {read[0].Sites} marks of '{read[0].Title}', too few to name anyone. {read[0].Verdict}";
        if (read.All(t => t.Accused.Count == 0) && combined is { Accused.Count: > 0 })
            return $"Named {string.Join(", ", accused.Select(a => a.Name))} from the sample's marks of all the advisory's fingerprinted artifacts together "
                + $"(no single artifact carried enough). {combined.Verdict}";
        var where = read.Where(t => t.Accused.Count > 0).Select(t => $"'{t.Title}'");
        return $"Named {string.Join(", ", accused.Select(a => a.Name))} from the sample's marks of {string.Join(" and ", where)}. "
            + read.First(t => t.Accused.Count > 0).Verdict;
    }
}
