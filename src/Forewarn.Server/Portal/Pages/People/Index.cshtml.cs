using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Invitations;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.People;

/// <summary>
/// The portal's people, for whoever may invite them: staff who can write see everyone, a
/// partner's admin their own organisation's users. Disable and re-enable, reset a lost
/// authenticator, revoke an open invitation, invite someone (the link is shown once) — through
/// the same services as the API.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalInvite)]
public sealed class IndexModel(PortalPeople people, InvitationService invitations, ForewarnDb db) : PageModel
{
    public IReadOnlyList<PortalPerson> Users { get; private set; } = [];
    public IReadOnlyList<OpenInvitation> Invitations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];
    public InviteForm Invite { get; set; } = new();

    /// <summary>The one-time link of the invitation just made: shown on this answer only.</summary>
    public string? NewLink { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The proposal an invitation to a role that can write became: the page links to it.</summary>
    public Guid? Proposed { get; private set; }

    public bool ForPartner => User.HasClaim(Caller.OwnerClaim, "partner");

    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Enter the e-mail address of the person to invite.")]
        [Display(Name = "E-mail address")]
        public string? Email { get; set; }

        [Display(Name = "Role")]
        public string? Role { get; set; }

        [Display(Name = "Partner (for a partner admin)")]
        public Guid? PartnerId { get; set; }
    }

    private Inviter By => new(PortalPrincipal.ActorOf(User), ForPartner ? User.PartnerId() : null);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(() => people.DisableAsync(id, By, ct), p => $"{p.Name} is disabled: signed out now, and cannot sign in.", ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(() => people.EnableAsync(id, By, ct), p => $"{p.Name} may sign in again.", ct);

    public Task<IActionResult> OnPostResetAuthenticatorAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(() => people.ResetAuthenticatorAsync(id, By, ct), p => $"{p.Name}'s authenticator is reset: they set up a new one at their next sign-in.", ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(() => people.RevokeInvitationAsync(id, By, ct), i => $"The invitation for {i.Email} is revoked: its link no longer works.", ct);

    /// <summary>Re-sends an open invitation (the old link stops working), as <c>POST /api/v1/invitations/{id}/resend</c>; gated like a new one of its role.</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Issued(await invitations.ResendAsync(id, By, ct), "re-invited");
        }
        catch (NotFoundException)
        {
            return NotFound(); // another partner's invitation looks like none
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Whether this page re-sends <paramref name="invitation"/>: a partner user's invitation is its partner admin's to re-send.</summary>
    public bool MayResend(OpenInvitation invitation) => ForPartner || invitation.Role != PortalRole.PartnerUser.Name();

    private void Issued(Forewarn.Server.Approvals.Gated<IssuedInvitation> outcome, string verb)
    {
        if (outcome.Made is { } made)
        {
            NewLink = $"{Request.Scheme}://{Request.Host}{InvitationService.AcceptPath}{made.Token}";
            Done = $"{made.Invitation.Email} is {verb} as {made.Invitation.Role.Name()}. Send them this link; it is shown only now and works once, for 7 days.";
        }
        else
        {
            Proposed = outcome.Proposal!.Id;
            Done = "Awaiting approval: an invitation to a role that can write needs a second staff member. Once approved, collect the link on its approval page (only you can, once).";
        }
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!await TryUpdateModelAsync(Invite, nameof(Invite)))
        {
            await LoadAsync(ct);
            return Page();
        }
        var role = ForPartner ? PortalRole.PartnerUser.Name() : Invite.Role;
        try
        {
            Issued(await invitations.CreateAsync(Invite.Email, role, ForPartner ? null : Invite.PartnerId, By, ct), "invited");
            Invite = new();
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError($"{nameof(Invite)}.{nameof(InviteForm.PartnerId)}", "Choose a partner from the list.");
        }
        catch (InvalidFieldException e)
        {
            ModelState.AddModelError($"{nameof(Invite)}.{nameof(InviteForm.Email)}", e.Message);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Code is "invalid-role" or "invalid-invitation" or "forbidden" ? $"{nameof(Invite)}.{nameof(InviteForm.Role)}" : string.Empty, e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync<T>(Func<Task<T>> change, Func<T, string> said, CancellationToken ct)
    {
        try
        {
            Done = said(await change());
        }
        catch (NotFoundException)
        {
            return NotFound(); // another partner's user looks like nobody
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await people.ListAsync(By, ct);
        Invitations = await people.InvitationsAsync(By, ct);
        if (!ForPartner)
            Partners = [.. (await db.Partners.AsNoTracking().Select(p => new { p.Id, p.LegalName }).ToListAsync(ct))
                .OrderBy(p => p.LegalName, StringComparer.Ordinal).Select(p => (p.Id.Value, p.LegalName))];
    }
}
