using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;

namespace Forewarn.Domain.Cases;

/// <summary>Where a decision stands.</summary>
public enum DecisionState
{
    /// <summary>Waiting for a second staff member's approval (its proposal); nothing has changed yet.</summary>
    Pending,
    /// <summary>Made: the partner's status, restrictions or tier changed when it was.</summary>
    InEffect,
    /// <summary>Its sanction was lifted by a later reinstatement.</summary>
    Lifted,
}

/// <summary>
/// A case's decision on one partner, with what it changes (the classes it withholds, the tier or
/// status it moves to, and what they were before, so a reinstatement can undo exactly that), the
/// reason the partner is told, and the partner's appeal and its outcome. The change itself is made
/// by the partner's own operations; this records why.
/// </summary>
public sealed class CaseDecision
{
    public const int MaxReason = 2000;
    public const int MaxAppeal = 4000;

    private CaseDecision() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>1, 2, 3 … in the order decided in its case.</summary>
    public int Number { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    /// <summary>Restrict: the classes this decision withholds (those not withheld already). Reinstate: the classes it gives back.</summary>
    public IReadOnlyList<ContentClass> Classes { get; private set; } = [];
    /// <summary>Move-tier (or a reinstatement lifting one): the tier moved to, and the one before.</summary>
    public string? Tier { get; private set; }
    public string? PreviousTier { get; private set; }
    /// <summary>A status sanction (or a reinstatement lifting one): the status moved to, and the one before.</summary>
    public PartnerStatus? Status { get; private set; }
    public PartnerStatus? PreviousStatus { get; private set; }
    /// <summary>Reinstate: the number of the decision whose sanction it lifts.</summary>
    public int? Lifts { get; private set; }
    public DecisionState State { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public string DecidedBy { get; private set; } = "";
    /// <summary>The proposal it waited on, when four eyes applied.</summary>
    public Guid? ProposalId { get; private set; }
    public DateTimeOffset? EffectiveAt { get; private set; }
    public DateTimeOffset? LiftedAt { get; private set; }
    /// <summary>The number of the reinstatement that lifted it.</summary>
    public int? LiftedBy { get; private set; }

    public string? Appeal { get; private set; }
    public DateTimeOffset? AppealedAt { get; private set; }
    public string? AppealedBy { get; private set; }
    public AppealOutcome? AppealOutcome { get; private set; }
    public string? AppealReason { get; private set; }
    public DateTimeOffset? AppealDecidedAt { get; private set; }
    public string? AppealDecidedBy { get; private set; }

    /// <summary>
    /// Decides on <paramref name="partner"/> as it stands now, refusing what cannot be done to it: any
    /// decision on a removed partner, a move its status cannot make, a restriction it already has,
    /// its own tier, a reinstatement of something that cannot be lifted. <paramref name="tier"/> is a
    /// tier already checked to exist; <paramref name="lifted"/> the decision a reinstatement lifts.
    /// </summary>
    public static CaseDecision Make(Guid caseId, int number, Partner partner, DecisionKind kind, string? reason,
        IReadOnlyList<ContentClass>? classes, string? tier, CaseDecision? lifted, DateTimeOffset at, string actor)
    {
        var status = partner.StatusAt(at);
        if (status == PartnerStatus.Removed)
            throw new ConflictException("partner-removed",
                $"{partner.LegalName} was removed from the programme {Moments.ShowDate(partner.StatusSince(at))}; removal is final, so no decision can be taken on it.");
        var decision = new CaseDecision
        {
            Id = Guid.CreateVersion7(at),
            CaseId = caseId,
            Number = number,
            PartnerId = partner.Id,
            Kind = kind,
            Reason = TextRules.Required(reason, "reason", MaxReason, TextShape.Prose),
            State = DecisionState.Pending,
            DecidedAt = at,
            DecidedBy = actor,
        };
        switch (kind)
        {
            case DecisionKind.Restrict:
                if (classes is null || classes.Count == 0)
                    throw new DomainException("invalid-field", "A restriction names the content classes to withhold (classes), such as poc.");
                var added = classes.Distinct().Except(partner.Restrictions).Order().ToList();
                if (added.Count == 0)
                    throw new ConflictException("already-restricted",
                        $"{partner.LegalName} is already withheld {string.Join(", ", classes.Distinct().Select(c => c.Name()))}; nothing would change.");
                decision.Classes = added;
                break;
            case DecisionKind.MoveTier:
                if (string.IsNullOrWhiteSpace(tier))
                    throw new DomainException("invalid-field", "A tier move names the tier to move to (tier).");
                if (string.Equals(tier, partner.Tier, StringComparison.Ordinal))
                    throw new ConflictException("same-tier", $"{partner.LegalName} is in tier {tier} already; nothing would change.");
                decision.Tier = tier;
                decision.PreviousTier = partner.Tier;
                break;
            case DecisionKind.Probation or DecisionKind.Suspend or DecisionKind.Remove:
                var to = kind.Status()!.Value;
                if (!PartnerStatuses.CanMove(status, to))
                    throw new ConflictException("illegal-status-change",
                        $"{partner.LegalName} is {status.Name()}; it cannot be moved to {to.Name()} (from {status.Name()} it can move to {string.Join(", ", PartnerStatuses.NextFrom(status).Select(s => s.Name()))}).");
                decision.Status = to;
                decision.PreviousStatus = status;
                break;
            case DecisionKind.Reinstate:
                if (lifted is null)
                    throw new DomainException("invalid-field", "A reinstatement names the decision whose sanction it lifts (lifts: its number in the case).");
                var lift = lifted.LiftOn(partner, at);
                decision.Lifts = lifted.Number;
                decision.Classes = lift.Classes;
                decision.Tier = lift.Tier;
                decision.PreviousTier = lift.Tier is null ? null : partner.Tier;
                decision.Status = lift.Status;
                decision.PreviousStatus = lift.Status is null ? null : status;
                break;
        }
        return decision;
    }

    /// <summary>What lifting this decision's sanction gives <paramref name="partner"/> back now; refused when there is nothing (left) to lift.</summary>
    public Lift LiftOn(Partner partner, DateTimeOffset at)
    {
        if (Kind == DecisionKind.Remove)
            throw new ConflictException("removal-final",
                $"Decision {Number} removed the partner from the programme; removal is final and cannot be lifted. A removed organisation may apply again as a new partner.");
        if (!Kind.CanBeLifted())
            throw new ConflictException("nothing-to-lift", $"Decision {Number} is {Kind.Name()}: it imposed nothing to lift.");
        if (State == DecisionState.Pending)
            throw new ConflictException("decision-pending", $"Decision {Number} waits for approval and has not taken effect; there is nothing to lift yet.");
        if (State == DecisionState.Lifted)
            throw new ConflictException("already-lifted", $"Decision {Number} was lifted {Moments.Show(LiftedAt!.Value)} (decision {LiftedBy}).");
        var status = partner.StatusAt(at);
        switch (Kind)
        {
            case DecisionKind.Restrict:
                var back = Classes.Intersect(partner.Restrictions).Order().ToList();
                if (back.Count == 0)
                    throw new ConflictException("nothing-to-lift",
                        $"None of the classes decision {Number} withheld ({string.Join(", ", Classes.Select(c => c.Name()))}) is withheld from {partner.LegalName} any more.");
                return new Lift(back, null, null);
            case DecisionKind.MoveTier:
                if (!string.Equals(partner.Tier, Tier, StringComparison.Ordinal))
                    throw new ConflictException("changed-since",
                        $"{partner.LegalName} moved from tier {Tier} to {partner.Tier} after decision {Number}; lifting it would undo a later change. Move the tier directly.");
                return new Lift([], PreviousTier, null);
            default:
                if (status != Status)
                    throw new ConflictException("changed-since",
                        $"{partner.LegalName} is {status.Name()} now, not {Status!.Value.Name()} as decision {Number} made it; lifting it would undo a later change.");
                // Back to where it stood before the sanction, when that was a receiving status; otherwise active.
                var to = PreviousStatus is PartnerStatus.Active or PartnerStatus.Probation && PreviousStatus != Status ? PreviousStatus.Value : PartnerStatus.Active;
                return new Lift([], null, to);
        }
    }

    /// <summary>What a reinstatement gives back: classes no longer withheld, the tier moved back to, or the status moved back to.</summary>
    public sealed record Lift(IReadOnlyList<ContentClass> Classes, string? Tier, PartnerStatus? Status);

    /// <summary>Waits on <paramref name="proposal"/> for a second staff member.</summary>
    public void AwaitApproval(Guid proposal) => ProposalId = proposal;

    /// <summary>The change was made at <paramref name="at"/>.</summary>
    public void TakeEffect(DateTimeOffset at)
    {
        if (State != DecisionState.Pending)
            throw new ConflictException("decision-made", $"Decision {Number} took effect {Moments.Show(EffectiveAt!.Value)} already.");
        State = DecisionState.InEffect;
        EffectiveAt = at;
    }

    /// <summary>The reinstatement numbered <paramref name="by"/> lifted this decision's sanction.</summary>
    public void MarkLifted(DateTimeOffset at, int by)
    {
        State = DecisionState.Lifted;
        LiftedAt = at;
        LiftedBy = by;
    }

    /// <summary>The partner answers the decision; once, and only a decision that took effect and holds something against it.</summary>
    public void AppealBy(string? text, DateTimeOffset at, string actor)
    {
        if (State == DecisionState.Pending || Kind is DecisionKind.NoAction or DecisionKind.Reinstate)
            throw new ConflictException("not-appealable", $"Decision {Number} ({Kind.Name()}) holds nothing against you to appeal.");
        if (Appeal is not null)
            throw new ConflictException("already-appealed", $"This decision was appealed {Moments.Show(AppealedAt!.Value)}; one appeal per decision.");
        Appeal = TextRules.Required(text, "appeal", MaxAppeal, TextShape.Prose);
        AppealedAt = at;
        AppealedBy = actor;
    }

    /// <summary>Staff decide the appeal: upheld (the decision stands) or overturned.</summary>
    public void DecideAppeal(AppealOutcome outcome, string? reason, DateTimeOffset at, string actor)
    {
        if (Appeal is null)
            throw new ConflictException("no-appeal", $"Decision {Number} has not been appealed.");
        if (AppealOutcome is { } was)
            throw new ConflictException("appeal-decided", $"The appeal of decision {Number} was {was.Name()} {Moments.Show(AppealDecidedAt!.Value)} by {AppealDecidedBy}.");
        AppealReason = TextRules.Required(reason, "reason", MaxReason, TextShape.Prose);
        AppealOutcome = outcome;
        AppealDecidedAt = at;
        AppealDecidedBy = actor;
    }

    public static string Name(DecisionState state) => state switch
    {
        DecisionState.InEffect => "in-effect",
        _ => state.ToString().ToLowerInvariant(),
    };
}
