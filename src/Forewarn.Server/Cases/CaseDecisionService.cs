using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Partners;
using Forewarn.Server.ReferenceData;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Cases;

/// <summary>
/// A case's decisions on partners and the partners' appeals. A decision takes effect at once
/// through the partner's own operations (<see cref="PartnerService"/>: status with the case as the
/// reason, restrictions, tier), in the same commit as the decision, its notice, its webhook and its
/// log entry. A removal (<c>partner-removal</c>) and a lifted sanction (<c>sanction-lift</c>) wait
/// on the case as a proposal when four eyes apply, and take effect when a second member approves.
/// </summary>
public sealed class CaseDecisionService(ForewarnDb db, TimeProvider clock, CaseService cases, PartnerService partners, FourEyesGate gate)
{
    /// <summary>Decides on a partner named in the case; refused in full before anything is written.</summary>
    public async Task<Gated<CaseDecision>> DecideAsync(string caseId, NewDecision body, Actor actor, CancellationToken ct)
    {
        var c = await cases.FindAsync(caseId, ct);
        c.EnsureOpen();
        return await DecideAsync(c, body, actor, ct);
    }

    private async Task<Gated<CaseDecision>> DecideAsync(Case c, NewDecision body, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Partner))
            throw new DomainException("invalid-field", "A decision is about a partner: give partner (its id).");
        var partner = await db.PartnerAsync(body.Partner.Trim(), ct);
        var kind = DecisionKinds.Parse(body.Kind);
        var classes = kind == DecisionKind.Restrict ? body.Classes?.Select(ContentClasses.Parse).ToList() : null;
        var tier = kind == DecisionKind.MoveTier ? await ReferenceChecks.TierAsync(db, body.Tier, ct) : null;
        CaseDecision? lifted = null;
        if (kind == DecisionKind.Reinstate && body.Lifts is { } number)
        {
            lifted = await DecisionAsync(c, number, ct);
            if (lifted.PartnerId != partner.Id)
                throw new DomainException("lifts-other-partner", $"Decision {number} of {c.Reference} is about another partner, not {partner.LegalName}.");
        }
        var now = clock.GetUtcNow();
        var decision = CaseDecision.Make(c.Id, await NextNumberAsync(c, ct), partner, kind, body.Reason, classes, tier, lifted, now, actor.Name);

        GatedAction? gated = kind switch
        {
            DecisionKind.Remove => GatedAction.PartnerRemoval,
            DecisionKind.Reinstate => GatedAction.SanctionLift,
            _ => null,
        };
        if (gated is { } action && gate.Needs(action, actor))
            return await gate.ProposeAsync(action, partner.Id.ToString(),
                $"Case {c.Reference}: {kind.Name()} {partner.LegalName}{(lifted is null ? "" : $" (lift decision {lifted.Number}, {lifted.Kind.Name()})")}: {decision.Reason}",
                new CaseDecisionRequest(c.Id, decision.Id), null, actor, ct, proposal =>
                {
                    decision.AwaitApproval(proposal.Id);
                    db.CaseDecisions.Add(decision);
                    db.Stage(LogEvents.CaseDecided(c, decision, partner, now, actor));
                });
        db.CaseDecisions.Add(decision);
        await ApplyAsync(c, decision, partner, lifted, actor, now, ct);
        return Gated<CaseDecision>.Done(decision);
    }

    /// <summary>
    /// Carries out the case decision an approved proposal waited on; null when the proposal is not a
    /// case's (then it is the partner's own status change). Checked again, since the partner may have
    /// changed while it waited.
    /// </summary>
    public async Task<string?> CarryOutAsync(Proposal proposal, Actor approver, CancellationToken ct)
    {
        if (await db.CaseDecisions.FirstOrDefaultAsync(d => d.ProposalId == proposal.Id, ct) is not { } decision) return null;
        var c = await db.Cases.FirstAsync(x => x.Id == decision.CaseId, ct);
        var partner = await db.PartnerAsync(decision.PartnerId.ToString(), ct);
        var now = clock.GetUtcNow();
        if (partner.StatusAt(now) == PartnerStatus.Removed)
            throw new ConflictException("partner-removed", $"{partner.LegalName} was removed while the decision waited; removal is final.");
        CaseDecision? lifted = null;
        if (decision.Lifts is { } number)
        {
            lifted = await DecisionAsync(c, number, ct);
            lifted.LiftOn(partner, now); // still something to lift, unchanged since
        }
        await ApplyAsync(c, decision, partner, lifted, approver, now, ct);
        return $"/api/v1/cases/{c.Reference}/decisions/{decision.Number}";
    }

    /// <summary>The partner answers a decision about it (its own decisions only; any other is not found).</summary>
    public async Task<CaseDecision> AppealAsync(PartnerId partner, string decisionId, AppealRequest body, Actor actor, CancellationToken ct)
    {
        var decision = Guid.TryParse(decisionId, out var id)
            ? await db.CaseDecisions.FirstOrDefaultAsync(d => d.Id == id && d.PartnerId == partner && d.State != DecisionState.Pending
                                                              && d.Kind != DecisionKind.NoAction, ct)
            : null;
        if (decision is null) throw new NotFoundException("decision", decisionId);
        var c = await db.Cases.FirstAsync(x => x.Id == decision.CaseId, ct);
        decision.AppealBy(body.Text, clock.GetUtcNow(), actor.Name);
        db.Stage(LogEvents.CaseAppealed(c, decision, actor));
        await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>What deciding an appeal did: the appealed decision, and — when it was overturned — the reinstatement it led to, if any.</summary>
    public sealed record AppealDecided(CaseDecision Decision, Gated<CaseDecision>? Lift, string? NotLifted);

    /// <summary>
    /// Staff decide an appeal: upheld, or overturned — which lifts the sanction where it can be lifted
    /// (a reinstatement, under the same four-eyes rule), and never a removal. Also on a closed case.
    /// </summary>
    public async Task<AppealDecided> DecideAppealAsync(string caseId, int number, AppealDecision body, Actor actor, CancellationToken ct)
    {
        var c = await cases.FindAsync(caseId, ct);
        var decision = await DecisionAsync(c, number, ct);
        var partner = await db.PartnerAsync(decision.PartnerId.ToString(), ct);
        var outcome = AppealOutcomes.Parse(body.Outcome);
        var now = clock.GetUtcNow();
        decision.DecideAppeal(outcome, body.Reason, now, actor.Name);
        string? notLifted = null;
        if (outcome == AppealOutcome.Overturned)
        {
            try
            {
                decision.LiftOn(partner, now);
            }
            catch (ConflictException e)
            {
                notLifted = e.Message;
            }
        }
        await TellAsync(c, partner, decision, $"Your appeal of the decision of case {c.Reference} ({decision.Kind.Name()}) was {outcome.Name()}: {decision.AppealReason}",
            "appeal-" + outcome.Name(), now, ct);
        db.Stage(LogEvents.CaseAppealDecided(c, decision, actor));
        await db.SaveChangesAsync(ct);
        if (outcome != AppealOutcome.Overturned || notLifted is not null) return new AppealDecided(decision, null, notLifted);
        var lift = await DecideAsync(c, new NewDecision(partner.Id.ToString(), DecisionKind.Reinstate.Name(),
            $"Appeal overturned: {decision.AppealReason}", null, null, decision.Number), actor, ct);
        return new AppealDecided(decision, lift, null);
    }

    /// <summary>The decisions about <paramref name="partner"/> that took effect, newest first, with their cases' references — never their evidence.</summary>
    public async Task<List<MyDecisionDto>> OfPartnerAsync(PartnerId partner, CancellationToken ct)
    {
        var decisions = await db.CaseDecisions.AsNoTracking()
            .Where(d => d.PartnerId == partner && d.State != DecisionState.Pending && d.Kind != DecisionKind.NoAction).ToListAsync(ct);
        var caseIds = decisions.Select(d => d.CaseId).Distinct().ToList();
        var found = await db.Cases.AsNoTracking().Where(x => caseIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var advisoryIds = found.Values.Select(x => x.AdvisoryId).Distinct().ToList();
        var refs = await db.Advisories.AsNoTracking().Where(a => advisoryIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        return [.. decisions.OrderByDescending(d => d.EffectiveAt).ThenByDescending(d => d.Number)
            .Select(d => MyDecisionDto.From(d, found[d.CaseId].Reference, refs.GetValueOrDefault(found[d.CaseId].AdvisoryId, "")))];
    }

    public async Task<CaseDecision> DecisionAsync(Case c, int number, CancellationToken ct) =>
        await db.CaseDecisions.FirstOrDefaultAsync(d => d.CaseId == c.Id && d.Number == number, ct)
        ?? throw new NotFoundException("decision", $"{c.Reference}/{number}");

    /// <summary>Makes the decision's change through the partner's own operations, in one commit with the decision, its notice, webhook and entry.</summary>
    private async Task ApplyAsync(Case c, CaseDecision decision, Partner partner, CaseDecision? lifted, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        decision.TakeEffect(now);
        lifted?.MarkLifted(now, decision.Number);
        // A partner looked at and cleared is not told: that would tell it of an investigation that found nothing against it.
        if (decision.Kind != DecisionKind.NoAction)
            await TellAsync(c, partner, decision, NoticeText(c, decision, lifted), "decided", now, ct);
        db.Stage(LogEvents.CaseDecided(c, decision, partner, now, actor));
        var id = partner.Id.ToString();
        var reason = $"case {c.Reference}: {decision.Reason}";
        if (decision.Kind == DecisionKind.Restrict)
            await partners.ChangeAsync(id, Restrictions(partner.Restrictions.Union(decision.Classes)), actor, ct, reason);
        else if (decision.Kind == DecisionKind.MoveTier || decision.Kind == DecisionKind.Reinstate && decision.Tier is not null)
            await partners.MoveToTierAsync(id, decision.Tier, actor, ct, reason);
        else if (decision.Kind == DecisionKind.Reinstate && decision.Classes.Count > 0)
            await partners.ChangeAsync(id, Restrictions(partner.Restrictions.Except(decision.Classes)), actor, ct, reason);
        else if (decision.Status is { } status)
            _ = (await partners.ChangeStatusAsync(id, status.Name(), reason, actor, ct)).Made
                ?? throw new InvalidOperationException("A case decision that passed four eyes was proposed again by the partner's status change.");
        else
            await db.SaveChangesAsync(ct);
    }

    private static PartnerChanges Restrictions(IEnumerable<ContentClass> classes) =>
        new(null, null, null, null, null, [.. classes.Distinct().Order().Select(x => x.Name())]);

    private async Task TellAsync(Case c, Partner partner, CaseDecision decision, string text, string what, DateTimeOffset now, CancellationToken ct)
    {
        db.Notices.Add(Notice.To(partner.Id, c.AdvisoryId, NoticeKind.Decision, text, now));
        await WebhookOutboxWriter.EnqueueAsync(db, [partner.Id], WebhookEvents.PartnerDecision, new JsonObject
        {
            ["partner"] = partner.Id.ToString(),
            ["decision"] = decision.Id.ToString(),
            ["case"] = c.Reference,
            ["kind"] = decision.Kind.Name(),
            ["what"] = what,
            ["links"] = new JsonObject { ["decisions"] = "/api/v1/me/decisions", ["notices"] = "/api/v1/me/notices" },
        }, now, ct);
    }

    /// <summary>What the partner reads: the decision, what it changes, the reason, and that it may appeal — nothing of the evidence.</summary>
    private static string NoticeText(Case c, CaseDecision d, CaseDecision? lifted)
    {
        var what = d.Kind switch
        {
            DecisionKind.Warning => "you are formally warned",
            DecisionKind.Restrict => $"{string.Join(", ", d.Classes.Select(x => x.Describe()))} will no longer be shared with you",
            DecisionKind.MoveTier => $"you move from tier {d.PreviousTier} to tier {d.Tier}",
            DecisionKind.Probation => "you are on probation",
            DecisionKind.Suspend => "you are suspended: nothing is shared with you until you are reinstated",
            DecisionKind.Remove => "you are removed from the programme",
            _ => $"the {lifted?.Kind.Name() ?? "sanction"} of decision {d.Lifts} is lifted",
        };
        var appeal = d.Kind is DecisionKind.Reinstate ? "" : " You may appeal it: POST /api/v1/me/decisions/{id}/appeal.".Replace("{id}", d.Id.ToString(), StringComparison.Ordinal);
        return $"Decision of case {c.Reference}: {what}. Reason: {d.Reason}{appeal}";
    }

    private async Task<int> NextNumberAsync(Case c, CancellationToken ct) =>
        await db.CaseDecisions.AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => (int?)d.Number).MaxAsync(ct) is { } n ? n + 1 : 1;
}
