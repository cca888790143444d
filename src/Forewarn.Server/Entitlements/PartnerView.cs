using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Hosting;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// A partner's requests for content: the decision, the partner's own copy, and its record in the
/// transparency log before anything is served. What the partner may see is their
/// <see cref="EntitledView"/>; an artifact counts as listed exactly when the view lists it.
/// </summary>
public sealed class PartnerView(ForewarnDb db, RequestFacts requestFacts, EntitledViews views, ArtifactMarking marking, ILogAppender transparency, ILogger<PartnerView> log)
{
    public async Task<Partner?> PartnerAsync(PartnerId id, CancellationToken ct) =>
        (await requestFacts.GetAsync(ct)).Partners.GetValueOrDefault(id);

    /// <summary>
    /// The partner's view of one advisory at <paramref name="now"/> as the inbox shows it (nothing
    /// when it does not exist for them), and the first moment after which that may change with the
    /// same facts — for staff-side questions asked of one advisory across many partners.
    /// </summary>
    public async Task<PartnerAdvisories> AdvisoriesAsync(Partner partner, DateTimeOffset now, AdvisoryId only, CancellationToken ct)
    {
        var view = EntitledView.Decide(await requestFacts.GetAsync(ct), partner, now, only);
        return new(PartnerInbox.Items(view), view.NextChange);
    }

    /// <summary>
    /// Decides a content request, makes the partner's own copy when allowed (its marked copy for a
    /// fingerprinted artifact, the content as it is otherwise) and records the decision and the
    /// copy in the transparency log before anything is served (log-then-serve). Returns the copy only when allowed and made; <c>Listed</c>
    /// says whether the partner may know the artifact exists (a not-yet-open item it can see
    /// listed). A copy that cannot be made (a PoC copy that fails its check) is refused and
    /// recorded as such; <c>CopyProblem</c> then holds the reason (for staff, not the partner).
    /// </summary>
    /// <remarks>
    /// <paramref name="origin"/> is where the request came from: the entry carries its salted hash,
    /// the store keeps the address beside the entry. <paramref name="user"/> names the person of a
    /// portal request (<c>portal-user:&lt;id&gt;</c>); the entry carries it beside the key.
    /// </remarks>
    public async Task<ContentDecision> DecideContentAsync(Partner partner, Guid keyId, ArtifactId artifactId, string channel,
        RequestOrigin origin, DateTimeOffset now, CancellationToken ct, string? user = null) =>
        (await DecideContentsAsync(partner, keyId, [artifactId], channel, origin, now, ct, user))[0];

    /// <summary>
    /// <see cref="DecideContentAsync"/> for several artifacts in one answer (a TAXII page): each decided
    /// and its copy made in turn, then all their entries handed to the log together, so they share one
    /// commit — and nothing is served before every entry is durable.
    /// </summary>
    public async Task<IReadOnlyList<ContentDecision>> DecideContentsAsync(Partner partner, Guid keyId, IReadOnlyList<ArtifactId> artifactIds,
        string channel, RequestOrigin origin, DateTimeOffset now, CancellationToken ct, string? user = null)
    {
        ArgumentNullException.ThrowIfNull(artifactIds);
        var decided = new List<Decided>(artifactIds.Count);
        // One after another: the decisions share this request's store context.
        foreach (var id in artifactIds) decided.Add(await DecideAsync(partner, keyId, id, channel, now, ct));
        // Log-then-serve: a copy leaves the server only once its entry is durable.
        var logged = await Task.WhenAll(decided.Select(d => transparency.AppendAsync(origin.Logged(d.Record with { FactsVersion = d.Generation, User = user }), ct)));
        var answers = new List<ContentDecision>(decided.Count);
        for (var i = 0; i < decided.Count; i++)
        {
            var d = decided[i];
            Telemetry.Decisions.Add(1, new("verdict", d.Record.Verdict), new("channel", channel), new("class", d.Class));
            if (d.Answer.Copy is { } copy)
            {
                Telemetry.ServedBytes.Add(copy.Bytes.Length, new KeyValuePair<string, object?>("channel", channel));
                answers.Add(d.Answer with { Logged = logged[i] });
            }
            else answers.Add(d.Answer);
        }
        return answers;
    }

    /// <summary>A decision made and its copy (if any) ready, with the record still to be appended.</summary>
    private sealed record Decided(AccessRecord Record, string Generation, string Class, ContentDecision Answer);

    private async Task<Decided> DecideAsync(Partner partner, Guid keyId, ArtifactId artifactId, string channel, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await requestFacts.GetAsync(ct);
        if (!facts.ArtifactsById.TryGetValue(artifactId, out var artifact)
            || !facts.AdvisoriesById.TryGetValue(artifact.AdvisoryId, out var advisory))
            return new Decided(AccessRecord.Unknown(partner.Id, keyId, artifactId, channel, now), facts.Generation, "unknown", new ContentDecision(null, null, null, false));
        var waves = facts.WavesOf[advisory.Id].ToList();
        var decision = EntitlementPolicy.Decide(facts.Policy.Query(partner, advisory, artifact, waves, now));
        var kind = artifact.Class.Name();
        if (!decision.Allowed)
        {
            var listed = (await views.ForAsync(partner.Id, now, ct)).Find(advisory.Id)?.Artifacts.Any(a => a.Artifact.Id == artifact.Id) == true;
            return new Decided(AccessRecord.Of(partner.Id, keyId, artifact.Id, advisory.Id, channel, decision), facts.Generation, kind,
                new ContentDecision(decision, listed ? artifact : null, null, listed));
        }
        ServedCopy copy;
        ContentAnswer answer;
        try
        {
            // Everything that can fail is done before the entry: the headers, then the copy.
            answer = ContentAnswer.Prepare(artifact);
            var content = await db.ArtifactContents.AsNoTracking().FirstAsync(c => c.ArtifactId == artifact.Id, ct);
            copy = await marking.CopyForAsync(artifact, content.Bytes, partner.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (code, reason) = e is DomainException d ? (d.Code, d.Message) : ("copy-failed", "an unexpected error while making the copy (logged)");
            if (e is not DomainException) log.LogError(e, "Making {Partner}'s copy of artifact {Artifact} failed", partner.Id, artifact.Id);
            return new Decided(AccessRecord.CopyRefused(partner.Id, keyId, artifact.Id, advisory.Id, channel, decision, code, reason), facts.Generation, kind,
                new ContentDecision(decision, artifact, null, true, reason));
        }
        return new Decided(AccessRecord.Served(partner.Id, keyId, artifact.Id, advisory.Id, channel, decision, copy.Sha256, copy.Marks), facts.Generation, kind,
            new ContentDecision(decision, artifact, copy, true) { Answer = answer });
    }
}

/// <summary>A partner's advisories as the inbox shows them, valid (with the same facts) until <paramref name="ValidUntil"/>.</summary>
public sealed record PartnerAdvisories(IReadOnlyList<MyAdvisoryDto> Items, DateTimeOffset? ValidUntil);

/// <summary>
/// A content decision: the copy served (allowed and made), or why not — the decision, whether the
/// artifact may be known to exist, and for a copy that could not be made, the reason.
/// </summary>
public sealed record ContentDecision(Entitlement? Decision, Artifact? Artifact, ServedCopy? Copy, bool Listed, string? CopyProblem = null)
{
    /// <summary>The log entry of a served copy: what the partner's receipt is made of.</summary>
    public LoggedEntry? Logged { get; init; }

    /// <summary>The headers of a served copy, prepared before its entry was appended.</summary>
    public ContentAnswer? Answer { get; init; }
}
