using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Api;
using Forewarn.Server.Approvals;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Policy;

/// <summary>
/// Publishes policy versions: the rules in full go into the log with the version. A new version
/// needs a second staff member's approval unless <c>approvals:policyPublish</c> is off.
/// </summary>
public sealed class PolicyService(ForewarnDb db, TimeProvider clock, FourEyesGate gate)
{
    /// <summary>
    /// Whether a partner may see an artifact at a time (default: now), with the facts in force then —
    /// or only those known to <paramref name="factsVersion"/> — and why: <c>GET /api/v1/explain</c> and the portal's explain form.
    /// </summary>
    public async Task<Entitlement> ExplainAsync(string? partner, string? artifact, DateTimeOffset? at, string? factsVersion, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(partner) || string.IsNullOrWhiteSpace(artifact))
            throw new DomainException("missing-parameter", "Give both ?partner=<partner id> and ?artifact=<artifact id>.");
        var p = await db.PartnerAsync(partner, ct);
        var a = await db.ArtifactAsync(artifact, ct);
        var facts = await FactsAt.LoadAsync(db, a.AdvisoryId, at?.ToUniversalTime() ?? clock.GetUtcNow(), ct,
            TextRules.Optional(factsVersion, "facts version", 40) is { Length: > 0 } v ? v : null);
        return facts.Decide(facts.Partners[p.Id], facts.Artifacts.First(x => x.Id == a.Id));
    }

    public async Task<Gated<PolicyVersion>> PublishAsync(NewPolicyVersion body, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var effective = body.EffectiveFrom ?? now;
        var rules = (body.Rules ?? []).Select(r => r is null
            ? throw new DomainException("invalid-rule", "A rule of the policy is empty (null); give each rule as an object.")
            : PolicyRule.Create(r.Id, PolicyRule.ParseKind(r.Kind), r.Title, r.Fact, (r.Classes ?? []).Select(ContentClasses.Parse),
                r.AtReleaseOnly, effective)).ToList();
        var previous = await db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var version = PolicyVersion.Next(previous, rules, effective, body.Reason, actor.Approval?.Proposer.Name ?? actor.Name, now);
        if (gate.Needs(GatedAction.PolicyPublish, actor))
        {
            var at = gate.Later(body.EffectiveFrom);
            return await gate.ProposeAsync(GatedAction.PolicyPublish, null,
                $"Publish a new policy version (rules {string.Join(", ", version.Rules.Select(r => r.Id))}), effective {(at is { } t ? "from " + Moments.Show(t) : "when approved")}: {version.Reason}",
                body with { EffectiveFrom = at }, at, actor, ct);
        }
        db.PolicyVersions.Add(version);
        db.Stage(LogEvents.PolicyChanged(version, previous?.Number, actor));
        await db.SaveChangesAsync(ct);
        return Gated<PolicyVersion>.Done(version);
    }
}
