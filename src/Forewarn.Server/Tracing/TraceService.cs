using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Forewarn.Tracing.Trace;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tracing;

/// <summary>
/// Traces a leaked text to the partners whose copy it is: the one way to run a trace, whoever asks
/// (the API, the portal, an investigation). Its answer speaks of partners, artifacts and scores,
/// never of the code behind it, so the fingerprinting can change without touching its callers.
/// The population is every partner the programme has ever had, whatever their status now — anyone
/// who may once have received a copy — so the bound ε covers all of them. Every run is put in the
/// transparency log (<c>trace.run</c>: who asked, the artifact, whom it named) before it is
/// answered: a trace is evidence for a case, and nobody sees a verdict the log does not hold.
/// </summary>
public sealed class TraceService(ForewarnDb db, ArtifactMarking marking, ProgramTracingSecret secret, ILogAppender transparency,
    TimeProvider clock, ILogger<TraceService> log)
{
    /// <summary>How many of the highest scores below the threshold are shown as near misses.</summary>
    public const int NearMisses = 5;

    /// <summary>
    /// Runs a trace for <paramref name="staff"/> and logs it. Throws a <see cref="DomainException"/>
    /// for a request that cannot be answered (empty leak, ε out of range, unknown artifact) and a
    /// <see cref="TraceRefusedException"/> when the trace cannot run on what it was given.
    /// </summary>
    public async Task<TraceDto> TraceAsync(TraceRequest request, Actor staff, CancellationToken ct)
    {
        var leaked = request.Leaked ?? "";
        if (string.IsNullOrWhiteSpace(leaked))
            throw new DomainException("empty-leak", "The leaked text is empty: give the text found outside the programme (as 'leaked' in JSON, or as a text/plain body).");
        var epsilon = request.Epsilon ?? Tracer.DefaultEpsilon;
        if (!(epsilon > 0 && epsilon < 1))
            throw new DomainException("invalid-epsilon", $"ε must lie strictly between 0 and 1 (for example 1e-6), not {epsilon}.");

        var artifactGiven = !string.IsNullOrWhiteSpace(request.ArtifactId);
        var advisoryGiven = !string.IsNullOrWhiteSpace(request.Advisory);
        if (artifactGiven && advisoryGiven)
            throw new DomainException("artifact-or-advisory",
                "Give the artifact the leak is a copy of, or the advisory whose artifacts it may mix — not both.");
        IReadOnlyList<Chosen> traced;
        IReadOnlyList<TraceCandidateDto>? candidates = null;
        if (artifactGiven) traced = [await GivenAsync(request.ArtifactId!.Trim(), ct)];
        else if (advisoryGiven) traced = await OfAdvisoryAsync((await db.AdvisoryAsync(request.Advisory!, ct)).Id, null, ct);
        else
        {
            var (best, found) = await FindAsync(leaked, ct);
            candidates = found;
            traced = await OfAdvisoryAsync(best.Artifact.AdvisoryId, best, ct);
        }
        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.LegalName }).ToListAsync(ct);
        var names = partners.ToDictionary(p => ArtifactMarking.RecipientKey(p.Id), p => p.LegalName, StringComparer.Ordinal);
        var key = await secret.GetAsync(ct);
        var coded = traced.Select(c => new CodedArtifact(ArtifactMarking.ArtifactKey(c.Artifact.Id), c.Prepared.Marks, c.Prepared.Code)).ToList();
        var result = Tracer.Trace(coded, key, names.Keys, leaked, epsilon, NearMisses);

        TraceScoreDto Dto(RecipientScore s) => new(Guid.Parse(s.Recipient), names[s.Recipient], s.Score) { UnreachedScore = s.UnreachedScore };
        var accused = result.Accused.Select(Dto).ToList();
        // With no mark read every score is 0: there is nobody near.
        var near = result.MarksRead == 0 ? [] : result.NearMisses.Select(Dto).ToList();
        double? threshold = double.IsFinite(result.Threshold) ? result.Threshold : null;
        var unreached = result.Unreached is { } u ? new TraceUnreachedDto(u.MarksRead, u.Threshold) : null;
        var verdict = TraceVerdict.Sentence(result.Sites, result.MarksRead, epsilon, threshold, accused, near, traced.Count, unreached);
        var shares = traced.Zip(result.Readings, (c, r) => new TraceArtifactDto(c.Artifact.Id.Value, c.Artifact.Title, Name(c.Prepared.Method), r.Sites, r.MarksRead, r.SetAside)).ToList();
        // The artifact named in the answer: the one the leak reads most of (the first, when it reads none).
        var lead = traced[shares.Select((s, i) => (s.MarksRead, i)).MaxBy(x => (x.MarksRead, -x.i)).i];
        var reference = await ReferenceAsync(lead.Artifact.AdvisoryId, ct);
        var scope = artifactGiven ? "artifact" : "advisory";

        log.LogInformation("Trace by {Actor} on {Scope} {ArtifactId} ({Reference}, {How}): {MarksRead} of {Sites} marks read in {Artifacts} artifacts, "
            + "population {Population}, ε {Epsilon}; accused: {Accused}",
            $"{staff.Name}, key {staff.KeyId}", scope, lead.Artifact.Id, reference, artifactGiven || advisoryGiven ? "given" : "found", result.MarksRead,
            result.Sites, traced.Count, result.Population, epsilon, accused.Count == 0 ? "none" : string.Join(", ", accused.Select(a => a.PartnerId)));

        var answer = new TraceDto(lead.Artifact.Id.Value, reference, lead.Artifact.Title, Name(lead.Prepared.Method), result.Sites,
            result.MarksRead, result.Population, epsilon, threshold, accused, near, verdict, candidates)
        {
            Scope = scope,
            AdvisoryId = lead.Artifact.AdvisoryId.Value,
            Artifacts = shares,
            MarksSetAside = result.SetAside,
            Unreached = unreached,
        };
        await transparency.AppendAsync(LogEvents.TraceRun(answer, leaked, clock.GetUtcNow(), staff), ct);
        return answer;
    }

    /// <summary>
    /// Every fingerprinted artifact of an advisory that can be traced (a PoC that could not be
    /// marked was never served marked), oldest first; <paramref name="found"/> is kept even if the
    /// advisory were to list it otherwise.
    /// </summary>
    private async Task<IReadOnlyList<Chosen>> OfAdvisoryAsync(AdvisoryId advisory, Chosen? found, CancellationToken ct)
    {
        var artifacts = (await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory).ToListAsync(ct))
            .Where(a => ArtifactMarking.MethodFor(a) != MarkingMethod.None)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id.Value).ToList();
        var ids = artifacts.Select(a => a.Id).ToList();
        var contents = await db.ArtifactContents.AsNoTracking().Where(c => ids.Contains(c.ArtifactId)).ToDictionaryAsync(c => c.ArtifactId, ct);
        var chosen = new List<Chosen>();
        foreach (var artifact in artifacts)
        {
            if (found is not null && artifact.Id == found.Artifact.Id) { chosen.Add(found); continue; }
            PreparedArtifact? prepared;
            try
            {
                prepared = await marking.PrepareAsync(artifact, contents[artifact.Id].Bytes, ct);
            }
            catch (DomainException)
            {
                continue;
            }
            if (prepared is { Sites: > 0 }) chosen.Add(new Chosen(artifact, prepared));
        }
        if (chosen.Count == 0)
            throw new TraceRefusedException("artifact-not-marked",
                "The advisory has no fingerprinted artifact (descriptions, detection guidance and mitigation in text, Python or C# PoCs), so no copy of it can be traced.");
        return chosen;
    }

    private sealed record Chosen(Artifact Artifact, PreparedArtifact Prepared);

    private async Task<Chosen> GivenAsync(string id, CancellationToken ct)
    {
        var artifact = await db.ArtifactAsync(id, ct);
        var content = await db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact.Id, ct);
        PreparedArtifact? prepared;
        try
        {
            prepared = await marking.PrepareAsync(artifact, content.Bytes, ct);
        }
        catch (DomainException e)
        {
            throw new TraceRefusedException("artifact-not-marked", $"Artifact '{artifact.Title}' cannot carry marks ({e.Message}), so no copy of it can be traced.");
        }
        if (prepared is null)
            throw new TraceRefusedException("artifact-not-marked",
                $"Artifact '{artifact.Title}' ({artifact.Class.Name()}, {artifact.MediaType}) is served as it is, without marks, so a copy of it cannot be traced. "
                + "Descriptions, detection guidance and mitigation notes in text, and Python or C# PoCs, carry marks.");
        if (prepared.Sites == 0)
            throw new TraceRefusedException("artifact-not-marked", $"Artifact '{artifact.Title}' offers no place for a mark, so its copies are all alike and cannot be traced.");
        return new Chosen(artifact, prepared);
    }

    private async Task<(Chosen, IReadOnlyList<TraceCandidateDto>)> FindAsync(string leaked, CancellationToken ct)
    {
        var marked = (await db.Artifacts.AsNoTracking().ToListAsync(ct))
            .Where(a => ArtifactMarking.MethodFor(a) != MarkingMethod.None).ToDictionary(a => a.Id);
        var ids = marked.Keys.ToList();
        var contents = await db.ArtifactContents.AsNoTracking().Where(c => ids.Contains(c.ArtifactId)).ToListAsync(ct);
        var runs = TraceCandidates.Runs(leaked);
        var similar = contents
            .Select(c => (Artifact: marked[c.ArtifactId], c.Bytes, Similarity: TraceCandidates.Similarity(runs, Encoding.UTF8.GetString(c.Bytes))))
            .Where(c => c.Similarity > 0)
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Artifact.Id.Value)
            .Take(TraceCandidates.Prepared).ToList();
        similar.RemoveAll(c => c.Similarity < TraceCandidates.SimilarEnough * similar[0].Similarity);

        var read = new List<(Chosen Chosen, int MarksRead, double Similarity)>();
        foreach (var (artifact, bytes, similarity) in similar)
        {
            PreparedArtifact? prepared;
            try
            {
                prepared = await marking.PrepareAsync(artifact, bytes, ct);
            }
            catch (DomainException)
            {
                continue; // a PoC that cannot be marked was never served marked
            }
            if (prepared is null || prepared.Sites == 0) continue;
            var marksRead = prepared.Marks.Read(leaked).Count(m => m is not null);
            read.Add((new Chosen(artifact, prepared), marksRead, similarity));
        }
        var ordered = TraceCandidates.MostLikelyFirst(read, r => r.MarksRead, r => r.Chosen.Prepared.Sites, r => r.Similarity);
        if (ordered.Count == 0 || ordered[0].MarksRead == 0)
            throw new TraceRefusedException("no-artifact-matches",
                $"The leaked text reads no mark of any marked artifact ({marked.Count} looked at, {read.Count} read closely): "
                + "it is not a copy of one, or its marked words were all rewritten. Give the artifact if you know it.");

        var references = await ReferencesAsync(ordered.Select(r => r.Chosen.Artifact.AdvisoryId), ct);
        var candidates = ordered.Select(r => new TraceCandidateDto(r.Chosen.Artifact.Id.Value, references.GetValueOrDefault(r.Chosen.Artifact.AdvisoryId, ""),
            r.Chosen.Artifact.Title, Name(r.Chosen.Prepared.Method), r.Chosen.Prepared.Sites, r.MarksRead, Math.Round(r.Similarity, 3))).ToList();
        return (ordered[0].Chosen, candidates);
    }

    private async Task<string> ReferenceAsync(AdvisoryId advisory, CancellationToken ct) =>
        (await ReferencesAsync([advisory], ct)).GetValueOrDefault(advisory, "");

    private async Task<Dictionary<AdvisoryId, string>> ReferencesAsync(IEnumerable<AdvisoryId> advisories, CancellationToken ct)
    {
        var ids = advisories.Distinct().ToList();
        return await db.Advisories.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Reference })
            .ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
    }

    private static string Name(MarkingMethod method) => method.ToString().ToLowerInvariant();
}
