using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Policy;

/// <summary>The versioned rule set, and <c>explain</c> for any partner × artifact × time.</summary>
public static class PolicyEndpoints
{
    public static void MapPolicy(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/policy").WithTags("Policy");
        g.MapGet("/", Current).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("The policy version in force now").Refuses(ErrorCategory.NotFound);
        g.MapGet("/versions", Versions).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("Every policy version");
        g.MapPost("/versions", AddVersion).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Publish a new policy version, effective from a stated time (202: proposed, when it needs a second staff member's approval)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        api.MapGet("/explain", Explain).WithTags("Policy").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Decide and explain whether a partner may see an artifact at a time (default: now), with the facts in force then — optionally only those known to the facts version an access entry names")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
    }

    private static async Task<Ok<PolicyVersionDto>> Current(ForewarnDb db, TimeProvider clock, CancellationToken ct)
    {
        var versions = await db.PolicyVersions.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        return PolicyVersion.InForce(versions, now) is { } v
            ? TypedResults.Ok(PolicyVersionDto.From(v, await PendingChanges.OfAsync(db, null, now, ct)))
            : throw new DomainException("no-policy", "No policy version is in force yet.", ErrorCategory.NotFound);
    }

    private static async Task<Ok<List<PolicyVersionDto>>> Versions(ForewarnDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.PolicyVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct)).Select(v => PolicyVersionDto.From(v)).ToList());

    private static async Task<Results<Created<PolicyVersionDto>, Accepted<ProposalDto>>> AddVersion(NewPolicyVersion body, PolicyService policy,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await policy.PublishAsync(body, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        var version = outcome.Made!;
        return TypedResults.Created($"/api/v1/policy/versions/{version.Number}", PolicyVersionDto.From(version));
    }

    private static async Task<Ok<EntitlementDto>> Explain(string? partner, string? artifact, DateTimeOffset? at, string? factsVersion,
        PolicyService policy, CancellationToken ct) =>
        TypedResults.Ok(EntitlementDto.From(await policy.ExplainAsync(partner, artifact, at, factsVersion, ct)));
}
