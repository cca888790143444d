using System.Text.Json;
using Forewarn.Domain.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Approvals;

/// <summary>
/// Where an operation that may need four eyes asks whether it does, and records the proposal when
/// it does. The feature's service checks the request in full first (so what cannot be done is
/// refused now, not at approval), then — instead of writing the change — calls
/// <see cref="ProposeAsync"/>. The approved proposal comes back through the same service with the
/// approval on its <see cref="Actor"/>, which lets it through: one code path for both.
/// </summary>
public sealed class FourEyesGate(ForewarnDb db, ApprovalSettings settings, TimeProvider clock, ProposalSignal signal, IOptions<JsonOptions> json)
{
    /// <summary>Whether this action, by this actor, must become a proposal rather than be made.</summary>
    public bool Needs(GatedAction action, Actor actor) => settings.IsGated(action) && actor.Approval?.Action != action;

    /// <summary>
    /// Records the proposal and its log entry (and nothing the operation may have begun: the unit of
    /// work is cleared first). <paramref name="request"/> is what the service will be given at approval.
    /// <paramref name="alongside"/> stages what must commit with the proposal (a case's pending decision).
    /// </summary>
    public async Task<Proposal> ProposeAsync(GatedAction action, string? subject, string summary, object request, DateTimeOffset? effectiveAt,
        Actor actor, CancellationToken ct, Action<Proposal>? alongside = null)
    {
        var proposer = actor.Signature();
        db.ChangeTracker.Clear();
        var text = JsonSerializer.Serialize(request, request.GetType(), json.Value.SerializerOptions);
        var proposal = Proposal.Open(action, subject, summary, text, effectiveAt, proposer, clock.GetUtcNow(), settings.Window);
        db.Proposals.Add(proposal);
        db.Stage(LogEvents.ChangeProposed(proposal, actor));
        alongside?.Invoke(proposal);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return proposal;
    }

    /// <summary>A requested time that is not in the future means "when it is approved", so a late approval is never refused as "in the past".</summary>
    public DateTimeOffset? Later(DateTimeOffset? at) => at is { } t && t > clock.GetUtcNow() ? t : null;
}
