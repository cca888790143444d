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
/// The CSAF details (sharing label, notes, references, products, vulnerabilities) replaced through
/// <see cref="AdvisoryService.DescribeAsync"/>, as <c>PUT /api/v1/advisories/{id}/details</c> does.
/// Like the edit form, it carries the revision it was read at, so a save over someone else's newer
/// change is refused with a sentence and changes nothing.
/// </summary>
public sealed class DetailsModel(AdvisoryService advisories, ForewarnDb db, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    public string Reference { get; private set; } = "";
    /// <summary>Set when the advisory changed since the form was read.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        try
        {
            var advisory = await advisories.FindAsync(id, ct);
            if (advisory.WithdrawnAt is not null) return Redirect($"/portal/staff/advisories/{advisory.Reference}");
            Reference = advisory.Reference;
            Input = DetailsForm.Of(advisory.Details, RevisionOf(advisory));
            return Page();
        }
        catch (DomainException e) when (Missing(e))
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
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
        ModelState.Clear(); // every rule is the domain's; binding noise (an empty row) is not a problem
        foreach (var (key, problem) in Input.ProblemsByRow()) ModelState.AddModelError(key, problem);
        if (!ModelState.IsValid) return Page();
        // The save checks the revision the form was read at, not the one just loaded: the service gets this same tracked copy.
        db.Entry(advisory).Property(RevisionMappings.Property).OriginalValue = Input.Revision;
        try
        {
            await advisories.DescribeAsync(advisory.Id.ToString(), Input.AsChange(), Actor, ct);
            return Redirect($"/portal/staff/advisories/{advisory.Reference}/csaf");
        }
        catch (DbUpdateConcurrencyException)
        {
            Stale = true;
            ModelState.AddModelError(string.Empty,
                $"{advisory.Reference} was changed by someone else after you opened this form, so your details were not saved. Open the form again to see the current details, then make your change there.");
        }
        catch (DomainException e) when (!Missing(e))
        {
            Refused(e, DetailsForm.FieldOf);
        }
        // The posted form is shown again as it was sent, empty rows included, so each problem stays beside its row.
        return Page();
    }

    private Guid RevisionOf(Advisory advisory) => (Guid)db.Entry(advisory).Property(RevisionMappings.Property).CurrentValue!;
}
