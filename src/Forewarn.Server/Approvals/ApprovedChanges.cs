using System.Text.Json;
using Forewarn.Domain.Approvals;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Cases;
using Forewarn.Server.Invitations;
using Forewarn.Server.Partners;
using Forewarn.Server.Policy;
using Forewarn.Server.Sightings;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Approvals;

/// <summary>
/// Carries out an approved proposal: its stored request goes to the feature's own service — the
/// same operation a direct request runs — with the approver as the actor and the approval on it.
/// Returns the API path of what was made. A new gated action adds one case here.
/// </summary>
public sealed class ApprovedChanges(PolicyService policy, AdvisoryService advisories, ArtifactService artifacts, PartnerService partners,
    EmbargoBreakService embargo, CaseDecisionService cases, InvitationService invitations, IOptions<JsonOptions> json)
{
    public async Task<string> ApplyAsync(Proposal proposal, Actor approver, CancellationToken ct)
    {
        var actor = approver with { Approval = ApprovedProposal.Of(proposal) };
        // A case's removal or lifted sanction waits on its case: the case carries it out.
        if (proposal.Action is GatedAction.PartnerRemoval or GatedAction.SanctionLift && await cases.CarryOutAsync(proposal, actor, ct) is { } decided)
            return decided;
        switch (proposal.Action)
        {
            case GatedAction.PolicyPublish:
            {
                var version = Made(await policy.PublishAsync(Request<NewPolicyVersion>(proposal), actor, ct));
                return $"/api/v1/policy/versions/{version.Number}";
            }
            case GatedAction.ReleaseEarlier when Request<EmbargoBreak>(proposal) is { Sighting: not null } breaking:
            {
                // An embargo broken because of a sighting brings the release forward too: the same rule, its own operation.
                var advisory = Made(await embargo.BreakAsync(Subject(proposal), breaking, actor, ct));
                return $"/api/v1/advisories/{advisory.Reference}";
            }
            case GatedAction.ReleaseEarlier:
            {
                var move = Request<ReleaseTimeChange>(proposal);
                var advisory = Made(await advisories.MoveReleaseAsync(Subject(proposal), move.ReleaseAt, move.Reason, actor, ct));
                return $"/api/v1/advisories/{advisory.Reference}";
            }
            case GatedAction.PocWave:
            {
                var planned = Made(await artifacts.PlanWaveAsync(Subject(proposal), Request<NewWave>(proposal), actor, ct));
                return $"/api/v1/advisories/{planned.Advisory.Reference}/waves/{planned.Wave.Number}";
            }
            case GatedAction.PartnerRemoval:
            {
                var change = Request<StatusRequest>(proposal);
                var partner = Made(await partners.ChangeStatusAsync(Subject(proposal), change.Status, change.Reason, actor, ct));
                return $"/api/v1/partners/{partner.Id}";
            }
            default:
                // A staff key (or an invitation to a role that can write) is made when it is collected (ProposalService.CollectKeyAsync,
                // CollectInvitationAsync), so its secret goes to one person only.
                throw new InvalidOperationException($"{proposal.Action.Name()} is not carried out at approval.");
        }
    }

    /// <summary>
    /// An approved invitation to a role that can write, made when its proposer collects it
    /// (<see cref="ProposalService.CollectInvitationAsync"/>): the stored request through the invitation service, as the collector.
    /// </summary>
    public async Task<IssuedInvitation> InviteAsync(Proposal proposal, Actor collector, CancellationToken ct)
    {
        return Made(await invitations.InviteAsync(Request<InvitationRequest>(proposal), new Inviter(collector, null), ct));
    }

    public T Request<T>(Proposal proposal) =>
        JsonSerializer.Deserialize<T>(proposal.Request, json.Value.SerializerOptions)
        ?? throw new InvalidOperationException($"Proposal {proposal.Id} holds no request.");

    private static string Subject(Proposal proposal) =>
        proposal.Subject ?? throw new InvalidOperationException($"Proposal {proposal.Id} names no subject.");

    private static T Made<T>(Gated<T> outcome) =>
        outcome.Made ?? throw new InvalidOperationException("An approved change was proposed again instead of being made.");
}
