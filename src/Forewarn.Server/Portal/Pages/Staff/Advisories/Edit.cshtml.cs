using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Storage;
using Forewarn.Storage.Mapping;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// Revising an advisory through <see cref="AdvisoryService.ReviseAsync"/>, as <c>PATCH /api/v1/advisories/{id}</c>
/// does. The form carries the revision it was read at; the save is checked against it by the store's
/// own concurrency token, so an edit made on a copy someone else has changed since is refused with a
/// sentence (the API's 409) and changes nothing.
/// </summary>
public sealed class EditModel(AdvisoryService advisories, ForewarnDb db, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    [BindProperty]
    public AdvisoryForm Input { get; set; } = new();

    public string Reference { get; private set; } = "";
    public CvssCheck? Cvss { get; private set; }
    /// <summary>Set when the advisory changed since the form was read.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        try
        {
            var advisory = await advisories.FindAsync(id, ct);
            Reference = advisory.Reference;
            Input = AdvisoryForm.Of(await advisories.ViewAsync(advisory, ct), RevisionOf(advisory));
            Cvss = CvssCheck.Of(Input.CvssVector);
            return Page();
        }
        catch (DomainException e) when (Missing(e))
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostCheckAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        try
        {
            Reference = (await advisories.FindAsync(id, ct)).Reference;
        }
        catch (DomainException e) when (Missing(e))
        {
            return NotFound();
        }
        ModelState.Clear();
        Cvss = CvssCheck.Of(Input.CvssVector);
        if (Cvss?.Problem is { } problem) ModelState.AddModelError("Input.CvssVector", problem);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        Cvss = CvssCheck.Of(Input.CvssVector);
        Advisory advisory;
        try
        {
            advisory = await advisories.FindAsync(id, ct);
        }
        catch (DomainException e) when (Missing(e))
        {
            return NotFound();
        }
        Reference = advisory.Reference;
        // The save checks the revision the form was read at, not the one just loaded: the service gets this same tracked copy.
        db.Entry(advisory).Property(RevisionMappings.Property).OriginalValue = Input.Revision;
        try
        {
            await advisories.ReviseAsync(advisory.Id.ToString(), Input.AsChanges(), Actor, ct);
            return Redirect($"/portal/staff/advisories/{advisory.Reference}");
        }
        catch (DbUpdateConcurrencyException)
        {
            Stale = true;
            ModelState.AddModelError(string.Empty,
                $"{advisory.Reference} was changed by someone else after you opened this form, so your edit was not saved. Open the advisory again to see the current text, then make your change there.");
            return Page();
        }
        catch (DomainException e)
        {
            Refused(e, AdvisoryForm.FieldOf);
            return Page();
        }
    }

    private Guid RevisionOf(Advisory advisory) => (Guid)db.Entry(advisory).Property(RevisionMappings.Property).CurrentValue!;
}
