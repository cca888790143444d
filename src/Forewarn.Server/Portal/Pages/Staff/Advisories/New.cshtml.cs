using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>A new draft advisory, made by <see cref="AdvisoryService.CreateAsync"/> as <c>POST /api/v1/advisories</c> makes it.</summary>
public sealed class NewModel(AdvisoryService advisories, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    [BindProperty]
    public AdvisoryForm Input { get; set; } = new();

    public CvssCheck? Cvss { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await MayWriteAsync() ? Page() : NotFound();

    /// <summary>"Check score": the form again with the vector's score (or what is wrong with it) beside the field; nothing is saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await MayWriteAsync()) return NotFound();
        ModelState.Clear();
        Cvss = CvssCheck.Of(Input.CvssVector);
        if (Cvss?.Problem is { } problem) ModelState.AddModelError("Input.CvssVector", problem);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        Cvss = CvssCheck.Of(Input.CvssVector);
        try
        {
            var advisory = await advisories.CreateAsync(Input.AsNew(), Actor, ct);
            return Redirect($"/portal/staff/advisories/{advisory.Reference}");
        }
        catch (DomainException e)
        {
            Refused(e, AdvisoryForm.FieldOf);
            return Page();
        }
    }
}
