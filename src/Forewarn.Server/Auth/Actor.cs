using System.Security.Claims;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Auth;

/// <summary>
/// Who makes a change, as histories and log entries name them: a person or machine behind an API
/// key (display name with the key's prefix, the key's id and, for staff, the member who holds it),
/// or the server's own jobs. Application services take an actor, not a request, so the API, the
/// portal and jobs share them. A change made because a proposal was approved carries the
/// <see cref="Approval"/>: the approver is the actor, the proposer travels with it.
/// </summary>
public sealed record Actor(string Name, Guid? KeyId, StaffMemberId? Member = null)
{
    /// <summary>The server's own jobs (waves, releases).</summary>
    public static readonly Actor Scheduler = new("scheduler", null);

    /// <summary>The portal user making the change, when it is made in the portal (no key is then involved).</summary>
    public Guid? PortalUser { get; init; }

    /// <summary>Set when this change is the approved proposal's: it went through four eyes.</summary>
    public ApprovedProposal? Approval { get; init; }

    /// <summary>The caller of a request authenticated by an API key.</summary>
    public static Actor Of(ClaimsPrincipal user) => new(user.Actor(), user.KeyId(), user.Member());

    /// <summary>
    /// The actor as a proposal records it: a staff member with the credential they acted with — their
    /// API key, or in the portal their portal user (the name, <c>portal-user:&lt;id&gt;</c>, says which).
    /// Only a staff member can propose or decide.
    /// </summary>
    public StaffSignature Signature() => Member is { } member && (KeyId ?? PortalUser) is { } credential
        ? new StaffSignature(member, credential, Name)
        : throw new DomainException("not-a-staff-member",
            "Only a staff member can propose or decide a change that needs four eyes; this key names no member.", ErrorCategory.Forbidden);
}

/// <summary>
/// The proposal a change carries out: who proposed it and who approved it (the actor of the change
/// itself is the approver, or — for a staff key — the member who collects it).
/// </summary>
public sealed record ApprovedProposal(Guid Proposal, GatedAction Action, StaffSignature Proposer, StaffSignature Approver)
{
    public static ApprovedProposal Of(Proposal p) => new(p.Id, p.Action, new StaffSignature(p.ProposerMember, p.ProposerKey, p.ProposedBy),
        p.DeciderMember is { } m && p.DeciderKey is { } k && p.DecidedBy is { } n && p.State == ProposalState.Approved
            ? new StaffSignature(m, k, n)
            : throw new InvalidOperationException($"Proposal {p.Id} is not approved."));

    /// <summary>Both members, as a history line names the author of an approved change.</summary>
    public string Names => $"{Proposer.Name}, approved by {Approver.Name}";
}
