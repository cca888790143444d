using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Tiers;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>Tiers and jurisdictions: the data the policy reads.</summary>
public static class ReferenceDataEndpoints
{
    public static void MapReferenceData(this IEndpointRouteBuilder api)
    {
        var tiers = api.MapGroup("/tiers").WithTags("Tiers");
        tiers.MapGet("/", ListTiers).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("List tiers and their lead times");
        tiers.MapPost("/", CreateTier).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Create a tier");
        tiers.MapPut("/{name}", UpdateTier).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Change a tier's description and lead times");

        var jurisdictions = api.MapGroup("/jurisdictions").WithTags("Jurisdictions");
        jurisdictions.MapGet("/", ListJurisdictions).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("List jurisdictions and their facts");
        jurisdictions.MapPost("/", CreateJurisdiction).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Register a jurisdiction");
        jurisdictions.MapPut("/{code}", UpdateJurisdiction).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Change a jurisdiction's name, facts or notes");
    }

    private static async Task<Ok<List<TierDto>>> ListTiers(ForewarnDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Tiers.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(TierDto.From).ToList());

    private static async Task<Created<TierDto>> CreateTier(TierRequest body, ForewarnDb db, CancellationToken ct)
    {
        var tier = Tier.Create(body.Name, body.Description, LeadTimes(body.LeadTimeDays));
        if (await db.Tiers.AnyAsync(t => t.Name == tier.Name, ct))
            throw new ConflictException("duplicate", $"A tier named '{tier.Name}' already exists.");
        db.Tiers.Add(tier);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/tiers/{tier.Name}", TierDto.From(tier));
    }

    private static async Task<Ok<TierDto>> UpdateTier(string name, TierRequest body, ForewarnDb db, CancellationToken ct)
    {
        var tier = await db.Tiers.FirstOrDefaultAsync(t => t.Name == name, ct) ?? throw new NotFoundException("tier", name);
        tier.Describe(body.Description ?? tier.Description);
        if (body.LeadTimeDays is not null) tier.SetLeadTimes(LeadTimes(body.LeadTimeDays));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TierDto.From(tier));
    }

    private static Dictionary<ContentClass, TimeSpan> LeadTimes(IReadOnlyDictionary<string, double>? days)
    {
        var result = new Dictionary<ContentClass, TimeSpan>();
        foreach (var (cls, d) in days ?? new Dictionary<string, double>())
        {
            if (double.IsNaN(d) || double.IsInfinity(d) || d < 0 || d > Tier.MaxLeadTime.TotalDays)
                throw new DomainException("invalid-lead-time", $"The lead time for {cls} must be between 0 and {Tier.MaxLeadTime.TotalDays:0} days.");
            result[ContentClasses.Parse(cls)] = TimeSpan.FromMinutes(Math.Round(d * 24 * 60));
        }
        return result;
    }

    private static async Task<Ok<List<JurisdictionDto>>> ListJurisdictions(ForewarnDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Code).ToListAsync(ct)).Select(JurisdictionDto.From).ToList());

    private static async Task<Created<JurisdictionDto>> CreateJurisdiction(JurisdictionRequest body, ForewarnDb db, CancellationToken ct)
    {
        var j = Jurisdiction.Create(body.Code, body.Name, body.Facts, body.Notes);
        if (await db.Jurisdictions.AnyAsync(x => x.Code == j.Code, ct))
            throw new ConflictException("duplicate", $"Jurisdiction {j.Code} is already registered.");
        db.Jurisdictions.Add(j);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/jurisdictions/{j.Code}", JurisdictionDto.From(j));
    }

    private static async Task<Ok<JurisdictionDto>> UpdateJurisdiction(string code, JurisdictionRequest body, ForewarnDb db, CancellationToken ct)
    {
        var c = code.Trim().ToUpperInvariant();
        var j = await db.Jurisdictions.FirstOrDefaultAsync(x => x.Code == c, ct) ?? throw new NotFoundException("jurisdiction", code);
        j.Update(body.Name ?? j.Name, body.Facts ?? j.Facts, body.Notes ?? j.Notes);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(JurisdictionDto.From(j));
    }
}
