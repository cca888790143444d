using Forewarn.Domain.Advisories;
using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Policy;

/// <summary>Publishes policy versions: the rules in full go into the log with the version.</summary>
public sealed class PolicyService(ForewarnDb db, TimeProvider clock)
{
    public async Task<PolicyVersion> PublishAsync(NewPolicyVersion body, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var effective = body.EffectiveFrom ?? now;
        var rules = (body.Rules ?? []).Select(r => r is null
            ? throw new Forewarn.Domain.Common.DomainException("invalid-rule", "A rule of the policy is empty (null); give each rule as an object.")
            : PolicyRule.Create(r.Id, PolicyRule.ParseKind(r.Kind), r.Title, r.Fact, (r.Classes ?? []).Select(ContentClasses.Parse),
                r.AtReleaseOnly, effective)).ToList();
        var previous = await db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var version = PolicyVersion.Next(previous, rules, effective, body.Reason, actor.Name, now);
        db.PolicyVersions.Add(version);
        db.Stage(LogEvents.PolicyChanged(version, previous?.Number, actor));
        await db.SaveChangesAsync(ct);
        return version;
    }
}
