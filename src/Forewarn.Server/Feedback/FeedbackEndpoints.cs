using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Feedback;

/// <summary>
/// Detection feedback over the API: a partner key with <c>partner:sightings</c> (reporting back,
/// as sightings do) sends it; staff read it per artifact and per partner (docs/feedback.md).
/// </summary>
public static class FeedbackEndpoints
{
    public static void MapFeedback(this IEndpointRouteBuilder api)
    {
        api.MapPost("/me/artifacts/{id}/feedback", Record).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerSightings)
            .WithSummary("Detection feedback on an artifact open to me: false-positive, false-negative or works-as-intended, with a note")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Forbidden);
        api.MapGet("/artifacts/{id}/feedback", OfArtifact).WithTags("Artifacts").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Every partner's detection feedback on an artifact, newest first").Refuses(ErrorCategory.NotFound);
        api.MapGet("/partners/{id}/feedback", OfPartner).WithTags("Partners").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("A partner's detection feedback on every artifact, newest first").Refuses(ErrorCategory.NotFound);
    }

    private static async Task<Created<FeedbackDto>> Record(string id, FeedbackRequest? body, PartnerView view, FeedbackService feedback,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var partner = await view.PartnerAsync(partnerId, ct) ?? throw new NotFoundException("partner", partnerId.ToString());
        var saved = await feedback.RecordAsync(partner, id, body?.Verdict, body?.Note, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/artifacts/{saved.ArtifactId}/feedback", saved);
    }

    private static async Task<Ok<IReadOnlyList<FeedbackDto>>> OfArtifact(string id, FeedbackService feedback, CancellationToken ct) =>
        TypedResults.Ok(await feedback.OfArtifactAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<FeedbackDto>>> OfPartner(string id, FeedbackService feedback, CancellationToken ct) =>
        TypedResults.Ok(await feedback.OfPartnerAsync(id, ct));
}
