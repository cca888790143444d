using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Review;

/// <summary>A partner's review standing over HTTP.</summary>
public sealed record ReviewDueDto(Guid PartnerId, string LegalName, string Tier, string Status, DateTimeOffset? ReviewedAt, DateTimeOffset DueAt, bool Overdue)
{
    public static ReviewDueDto From(ReviewStanding s, DateTimeOffset now) => new(s.Partner.Id.Value, s.Partner.LegalName, s.Partner.Tier,
        s.Partner.StatusAt(now).Name(), s.Partner.ReviewedAt, s.DueAt, s.Overdue);
}

/// <summary>A partner that has not acknowledged an advisory in time.</summary>
public sealed record OverdueAcknowledgementDto(Guid PartnerId, string LegalName, string Tier, Guid AdvisoryId, string Advisory,
    DateTimeOffset ToldAt, DateTimeOffset DueAt, DateTimeOffset? RemindedAt)
{
    public static OverdueAcknowledgementDto From(OverdueAcknowledgement o) => new(o.Partner.Id.Value, o.Partner.LegalName, o.Partner.Tier,
        o.AdvisoryId, o.Advisory, o.ToldAt, o.DueAt, o.RemindedAt);
}

/// <summary>A review staff record: what they looked at and concluded.</summary>
public sealed record NewReview(string? Note);

/// <summary>Participant review over HTTP: who is due, and recording a review.</summary>
public static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews/due", Due).WithTags("Review").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Partners due for review within 'within' days (default 30), the most overdue first").Refuses(ErrorCategory.Invalid);
        api.MapGet("/acknowledgements/overdue", Overdue).WithTags("Review").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Partners that have not acknowledged an advisory (not yet released) within their tier's deadline, with when each was reminded");
        api.MapPost("/partners/{id}/reviews", Record).WithTags("Review").RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Record that staff reviewed a partner (with a note); its next review falls due a tier's interval later")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<ReviewDueDto>>> Due(int? within, ReviewService reviews, TimeProvider clock, CancellationToken ct)
    {
        var days = within ?? 30;
        if (days is < 0 or > 3650)
            throw new DomainException("invalid-within", "'within' is a number of days from 0 to 3650.");
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await reviews.DueAsync(TimeSpan.FromDays(days), ct)).Select(s => ReviewDueDto.From(s, now)).ToList());
    }

    private static async Task<Ok<List<OverdueAcknowledgementDto>>> Overdue(AcknowledgementDeadlines deadlines, CancellationToken ct) =>
        TypedResults.Ok((await deadlines.OverdueAsync(ct)).Select(OverdueAcknowledgementDto.From).ToList());

    private static async Task<Ok<ReviewDueDto>> Record(string id, NewReview body, ReviewService reviews, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(ReviewDueDto.From(await reviews.RecordAsync(id, body.Note, Actor.Of(user), ct), clock.GetUtcNow()));
}
