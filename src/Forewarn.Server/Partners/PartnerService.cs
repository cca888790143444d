using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.ReferenceData;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Partners;

/// <summary>
/// The operations on partner organisations — admit, change, move tier, change status — each
/// validated before anything is written and committed with its log entry (what changed, from
/// and to). The API, the portal and investigations all call these.
/// </summary>
public sealed class PartnerService(ForewarnDb db, TimeProvider clock, FourEyesGate gate)
{
    public Task<Partner> FindAsync(string id, CancellationToken ct) => db.PartnerAsync(id, ct);

    public async Task<Partner> AdmitAsync(NewPartner body, Actor actor, CancellationToken ct)
    {
        var tier = await ReferenceChecks.TierAsync(db, body.Tier, ct);
        var jurisdictions = await ReferenceChecks.JurisdictionsAsync(db, body.Jurisdictions, ct);
        var c = body.Contract ?? throw new DomainException("invalid-contract", "A partner needs a contract: give contract.ndaVersion (and signedAt, expiresAt).");
        var partner = Partner.Create(body.LegalName, body.HeadquartersCountry, jurisdictions,
            PartnerCategories.Parse(body.Category), tier, Contract.Create(c.NdaVersion, c.SignedAt, c.ExpiresAt),
            clock.GetUtcNow(), actor.Name);
        partner.SetRestrictions((body.Restrictions ?? []).Select(ContentClasses.Parse));
        await RequireUniqueNameAsync(partner.LegalName, null, ct);
        db.Partners.Add(partner);
        db.Stage(LogEvents.PartnerChanged("created", partner, null, partner.CreatedAt, actor));
        await db.SaveChangesAsync(ct);
        return partner;
    }

    /// <summary>Changes the fields the request names; <paramref name="reason"/> (a case's, say) goes into the log entry.</summary>
    public async Task<Partner> ChangeAsync(string id, PartnerChanges body, Actor actor, CancellationToken ct, string? reason = null)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.PartnerState(partner, now);
        if (body.LegalName is not null)
        {
            partner.Rename(body.LegalName);
            await RequireUniqueNameAsync(partner.LegalName, partner.Id, ct);
        }
        if (body.HeadquartersCountry is not null) partner.SetHeadquarters(body.HeadquartersCountry);
        if (body.Jurisdictions is not null) partner.SetJurisdictions(await ReferenceChecks.JurisdictionsAsync(db, body.Jurisdictions, ct));
        if (body.Category is not null) partner.SetCategory(PartnerCategories.Parse(body.Category));
        if (body.Contract is { } c)
        {
            // A partial contract changes only the fields it names.
            var was = partner.Contract;
            partner.SetContract(Contract.Create(c.NdaVersion ?? was.NdaVersion, c.SignedAt ?? was.SignedAt, c.ExpiresAt ?? was.ExpiresAt));
        }
        if (body.Restrictions is not null) partner.SetRestrictions(body.Restrictions.Select(ContentClasses.Parse));
        db.Stage(LogEvents.PartnerChanged("updated", partner, before, now, actor, reason));
        await db.SaveChangesAsync(ct);
        return partner;
    }

    public async Task<Partner> MoveToTierAsync(string id, string? tier, Actor actor, CancellationToken ct, string? reason = null)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.PartnerState(partner, now);
        partner.MoveToTier(await ReferenceChecks.TierAsync(db, tier, ct));
        db.Stage(LogEvents.PartnerChanged("tier", partner, before, now, actor, reason));
        await db.SaveChangesAsync(ct);
        return partner;
    }

    /// <summary>
    /// Activate, put on probation, suspend, reinstate or remove — effective at once, and the
    /// organisation hears of it. Removal is final, so it needs a second staff member's approval
    /// unless <c>approvals:partnerRemoval</c> is off (suspension, which can be undone, never does).
    /// </summary>
    public async Task<Gated<Partner>> ChangeStatusAsync(string id, string? status, string? reason, Actor actor, CancellationToken ct)
    {
        var partner = await db.PartnerAsync(id, ct);
        var now = clock.GetUtcNow();
        var from = partner.StatusAt(now);
        var before = LogEvents.PartnerState(partner, now);
        var to = PartnerStatuses.Parse(status);
        partner.ChangeStatus(to, reason, now, actor.Name);
        if (to == PartnerStatus.Removed && gate.Needs(GatedAction.PartnerRemoval, actor))
            return await gate.ProposeAsync(GatedAction.PartnerRemoval, partner.Id.ToString(),
                $"Remove {partner.LegalName} from the programme (now {from.Name()}): {partner.History[^1].Reason}",
                new StatusRequest(to.Name(), reason), null, actor, ct);
        // The organisation hears of its own status, also when the change stops its other deliveries.
        await WebhookOutboxWriter.EnqueueAsync(db, [partner.Id], WebhookEvents.PartnerStatusChanged, new JsonObject
        {
            ["partner"] = partner.Id.ToString(),
            ["from"] = from.Name(),
            ["to"] = partner.StatusAt(now).Name(),
            ["links"] = new JsonObject { ["me"] = "/api/v1/me" },
        }, now, ct);
        db.Stage(LogEvents.PartnerChanged("status", partner, before, now, actor, partner.History[^1].Reason));
        await db.SaveChangesAsync(ct);
        return Gated<Partner>.Done(partner);
    }

    private async Task RequireUniqueNameAsync(string name, PartnerId? except, CancellationToken ct)
    {
        if (await db.Partners.AnyAsync(p => p.LegalName == name && (except == null || p.Id != except), ct))
            throw new ConflictException("duplicate", $"A partner named '{name}' already exists.");
    }
}
