using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Cases;

/// <summary>
/// The partner's side of cases: the decisions about it (never the evidence behind them) and its
/// appeal of one. Appealing is open also to a partner that is suspended or removed — the decision
/// may be what stopped it receiving.
/// </summary>
public static class MyDecisionEndpoints
{
    public static void MapMyDecisions(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/decisions", Mine).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerRead)
            .WithSummary("Decisions of the programme's cases about my organisation, newest first");
        api.MapPost("/me/decisions/{id}/appeal", Appeal).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerAcknowledge)
            .WithMetadata(OpenWhileNotReceiving.Instance)
            .WithSummary("Appeal a decision about my organisation (once per decision); staff decide it")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<MyDecisionDto>>> Mine(CaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await decisions.OfPartnerAsync(user.PartnerId(), ct));

    private static async Task<Ok<MyDecisionDto>> Appeal(string id, AppealRequest body, CaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct)
    {
        var partner = user.PartnerId();
        var decision = await decisions.AppealAsync(partner, id, body, Actor.Of(user), ct);
        return TypedResults.Ok((await decisions.OfPartnerAsync(partner, ct)).First(d => d.Id == decision.Id));
    }
}
