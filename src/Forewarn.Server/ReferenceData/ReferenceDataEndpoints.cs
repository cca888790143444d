using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.ReferenceData;

/// <summary>Tiers and jurisdictions over HTTP; <see cref="ReferenceDataService"/> does the work.</summary>
public static class ReferenceDataEndpoints
{
    public static void MapReferenceData(this IEndpointRouteBuilder api)
    {
        var tiers = api.MapGroup("/tiers").WithTags("Tiers");
        tiers.MapGet("/", ListTiers).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("List tiers and their lead times");
        tiers.MapPost("/", CreateTier).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Create a tier")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict);
        tiers.MapPut("/{name}", UpdateTier).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Change a tier's description and lead times")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);

        var jurisdictions = api.MapGroup("/jurisdictions").WithTags("Jurisdictions");
        jurisdictions.MapGet("/", ListJurisdictions).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("List jurisdictions and their facts");
        jurisdictions.MapPost("/", CreateJurisdiction).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Register a jurisdiction")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict);
        jurisdictions.MapPut("/{code}", UpdateJurisdiction).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Change a jurisdiction's name, facts or notes").Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
    }

    private static async Task<Ok<List<TierDto>>> ListTiers(ForewarnDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Tiers.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(TierDto.From).ToList());

    private static async Task<Created<TierDto>> CreateTier(TierRequest body, ReferenceDataService data, ClaimsPrincipal user, CancellationToken ct)
    {
        var tier = await data.CreateTierAsync(body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/tiers/{Uri.EscapeDataString(tier.Name)}", TierDto.From(tier));
    }

    private static async Task<Ok<TierDto>> UpdateTier(string name, TierRequest body, ReferenceDataService data, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(TierDto.From(await data.UpdateTierAsync(name, body, Actor.Of(user), ct)));

    private static async Task<Ok<List<JurisdictionDto>>> ListJurisdictions(ForewarnDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Code).ToListAsync(ct)).Select(JurisdictionDto.From).ToList());

    private static async Task<Created<JurisdictionDto>> CreateJurisdiction(JurisdictionRequest body, ReferenceDataService data, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var j = await data.RegisterJurisdictionAsync(body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/jurisdictions/{Uri.EscapeDataString(j.Code)}", JurisdictionDto.From(j));
    }

    private static async Task<Ok<JurisdictionDto>> UpdateJurisdiction(string code, JurisdictionRequest body, ReferenceDataService data,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(JurisdictionDto.From(await data.UpdateJurisdictionAsync(code, body, Actor.Of(user), ct)));
}
