using System.Security.Claims;
using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>Staff manage partner organisations: membership, tier, contract, restrictions — each change logged with what it changed.</summary>
public static class PartnerEndpoints
{
    public static void MapPartners(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(AccessPolicies.StaffRead);
        var write = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(AccessPolicies.StaffWrite);

        read.MapGet("/", List).WithSummary("List partners");
        read.MapGet("/{id}", Show).WithSummary("Show a partner with its status history");
        write.MapPost("/", Create).WithSummary("Add a partner (as an applicant)");
        write.MapPatch("/{id}", Change).WithSummary("Change a partner's name, country, jurisdictions, category, contract or restrictions");
        write.MapPut("/{id}/tier", SetTier).WithSummary("Move a partner to another tier");
        write.MapPost("/{id}/status", ChangeStatus).WithSummary("Change a partner's status (activate, probation, suspend, reinstate, remove) with a reason");
    }

    private static async Task<Ok<List<PartnerDto>>> List(ForewarnDb db, string? status, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.LegalName).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = PartnerStatuses.Parse(status);
            partners = [.. partners.Where(p => p.Status == s)];
        }
        return TypedResults.Ok(partners.Select(PartnerDto.From).ToList());
    }

    private static async Task<Ok<PartnerDto>> Show(string id, ForewarnDb db, CancellationToken ct) =>
        TypedResults.Ok(PartnerDto.From(await db.PartnerAsync(id, ct)));

    private static async Task<Created<PartnerDto>> Create(NewPartner body, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user,
        ILogAppender log, CancellationToken ct)
    {
        var tier = await RequireTierAsync(db, body.Tier, ct);
        var jurisdictions = await RequireJurisdictionsAsync(db, body.Jurisdictions, ct);
        var c = body.Contract ?? throw new DomainException("invalid-contract", "A partner needs a contract: give contract.ndaVersion (and signedAt, expiresAt).");
        var partner = Partner.Create(body.LegalName, body.HeadquartersCountry, jurisdictions,
            PartnerCategories.Parse(body.Category), tier, Contract.Create(c.NdaVersion, c.SignedAt, c.ExpiresAt),
            clock.GetUtcNow(), user.Actor());
        partner.SetRestrictions((body.Restrictions ?? []).Select(ContentClasses.Parse));
        await RequireUniqueNameAsync(db, partner.LegalName, null, ct);
        db.Partners.Add(partner);
        db.Stage(LogEvents.PartnerChanged("created", partner, null, partner.CreatedAt, user));
        await db.SaveChangesAsync(ct);
        await log.SettleAsync(ct);
        return TypedResults.Created($"/api/v1/partners/{partner.Id}", PartnerDto.From(partner));
    }

    private static async Task<Ok<PartnerDto>> Change(string id, PartnerChanges body, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user,
        ILogAppender log, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.PartnerState(partner, now);
        if (body.LegalName is not null)
        {
            partner.Rename(body.LegalName);
            await RequireUniqueNameAsync(db, partner.LegalName, partner.Id, ct);
        }
        if (body.HeadquartersCountry is not null) partner.SetHeadquarters(body.HeadquartersCountry);
        if (body.Jurisdictions is not null) partner.SetJurisdictions(await RequireJurisdictionsAsync(db, body.Jurisdictions, ct));
        if (body.Category is not null) partner.SetCategory(PartnerCategories.Parse(body.Category));
        if (body.Contract is { } c)
        {
            // A partial contract changes only the fields it names.
            var was = partner.Contract;
            partner.SetContract(Contract.Create(c.NdaVersion ?? was.NdaVersion, c.SignedAt ?? was.SignedAt, c.ExpiresAt ?? was.ExpiresAt));
        }
        if (body.Restrictions is not null) partner.SetRestrictions(body.Restrictions.Select(ContentClasses.Parse));
        db.Stage(LogEvents.PartnerChanged("updated", partner, before, now, user));
        await db.SaveChangesAsync(ct);
        await log.SettleAsync(ct);
        return TypedResults.Ok(PartnerDto.From(partner));
    }

    private static async Task<Ok<PartnerDto>> SetTier(string id, TierChoice body, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user,
        ILogAppender log, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.PartnerState(partner, now);
        partner.MoveToTier(await RequireTierAsync(db, body.Tier, ct));
        db.Stage(LogEvents.PartnerChanged("tier", partner, before, now, user));
        await db.SaveChangesAsync(ct);
        await log.SettleAsync(ct);
        return TypedResults.Ok(PartnerDto.From(partner));
    }

    private static async Task<Ok<PartnerDto>> ChangeStatus(string id, StatusRequest body, ForewarnDb db, TimeProvider clock,
        ClaimsPrincipal user, DeliverySignal deliveries, ILogAppender log, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var from = partner.StatusAt(now);
        var before = LogEvents.PartnerState(partner, now);
        partner.ChangeStatus(PartnerStatuses.Parse(body.Status), body.Reason, now, user.Actor());
        // The organisation hears of its own status, also when the change stops its other deliveries.
        await WebhookOutboxWriter.EnqueueAsync(db, [partner.Id], WebhookEvents.PartnerStatusChanged, new JsonObject
        {
            ["partner"] = partner.Id.ToString(),
            ["from"] = from.Name(),
            ["to"] = partner.StatusAt(now).Name(),
            ["links"] = new JsonObject { ["me"] = "/api/v1/me" },
        }, now, ct);
        db.Stage(LogEvents.PartnerChanged("status", partner, before, now, user, partner.History[^1].Reason));
        await db.SaveChangesAsync(ct);
        deliveries.Poke();
        await log.SettleAsync(ct);
        return TypedResults.Ok(PartnerDto.From(partner));
    }


    private static async Task<string> RequireTierAsync(ForewarnDb db, string? tier, CancellationToken ct)
    {
        var name = tier?.Trim() ?? "";
        var known = await db.Tiers.AsNoTracking().Select(t => t.Name).ToListAsync(ct);
        return known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
               ?? throw new DomainException("unknown-tier", $"'{tier}' is not a tier; the tiers are {string.Join(", ", known)}.");
    }

    private static async Task<List<string>> RequireJurisdictionsAsync(ForewarnDb db, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var known = await db.Jurisdictions.AsNoTracking().Select(j => j.Code).ToListAsync(ct);
        var unknown = wanted.Where(w => !known.Contains(w) && !CountryCode.IsAssigned(w)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("unknown-jurisdiction",
                $"{string.Join(", ", unknown)} is neither a registered jurisdiction nor an ISO 3166-1 country code.");
        return wanted;
    }

    private static async Task RequireUniqueNameAsync(ForewarnDb db, string name, PartnerId? except, CancellationToken ct)
    {
        if (await db.Partners.AnyAsync(p => p.LegalName == name && (except == null || p.Id != except), ct))
            throw new ConflictException("duplicate", $"A partner named '{name}' already exists.");
    }
}
