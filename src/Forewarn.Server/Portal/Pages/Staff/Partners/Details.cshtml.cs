using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Partners;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Partners;

/// <summary>
/// A partner's name, country, jurisdictions, category, contract and withheld classes:
/// <see cref="PartnerService.ChangeAsync"/>, as <c>PATCH /api/v1/partners/{id}</c>, with the form's every field.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class DetailsModel(PartnerService partners, ForewarnDb db) : PageModel
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["legal name"] = "Input.LegalName",
        ["duplicate"] = "Input.LegalName",
        ["headquarters country"] = "Input.Country",
        ["unknown-country"] = "Input.Country",
        ["unknown-jurisdiction"] = "Input.Jurisdictions",
        ["unknown-category"] = "Input.Category",
        ["NDA version"] = "Input.NdaVersion",
        ["invalid-contract"] = "Input.ExpiresAt",
        ["unknown-content-class"] = "Input.Restrictions",
    };

    [BindProperty] public DetailsForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public sealed class DetailsForm
    {
        [Required(ErrorMessage = "Give the partner's legal name.")]
        [Display(Name = "Legal name")]
        public string? LegalName { get; set; }

        [Required(ErrorMessage = "Give the headquarters country as an ISO 3166-1 code, e.g. DE.")]
        [Display(Name = "Headquarters country (ISO 3166-1, e.g. DE)")]
        public string? Country { get; set; }

        [Display(Name = "Further jurisdictions (codes, separated by commas)")]
        public string? Jurisdictions { get; set; }

        [Required(ErrorMessage = "Choose a category.")]
        [Display(Name = "Category")]
        public string? Category { get; set; }

        [Required(ErrorMessage = "Give the NDA version the partner signed.")]
        [Display(Name = "NDA version")]
        public string? NdaVersion { get; set; }

        [Display(Name = "Contract signed (UTC, yyyy-mm-dd hh:mm; empty keeps it)")]
        public string? SignedAt { get; set; }

        [Display(Name = "Contract expires (UTC, yyyy-mm-dd hh:mm; empty keeps it)")]
        public string? ExpiresAt { get; set; }

        /// <summary>Content classes withheld from the partner whatever its tier says.</summary>
        public List<string> Restrictions { get; set; } = [];

        public Guid Revision { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } p) return NotFound();
        Input = new DetailsForm
        {
            LegalName = p.LegalName,
            Country = p.HeadquartersCountry,
            Jurisdictions = string.Join(", ", p.Jurisdictions),
            Category = p.Category.Name(),
            NdaVersion = p.Contract.NdaVersion,
            SignedAt = p.Contract.SignedAt?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ExpiresAt = p.Contract.ExpiresAt?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            Restrictions = [.. p.Restrictions.Select(r => r.Name())],
            Revision = PartnerRevision.Of(db, p),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } partner) return NotFound();
        var signed = Moment(Input.SignedAt, "Input.SignedAt");
        var expires = Moment(Input.ExpiresAt, "Input.ExpiresAt");
        if (!ModelState.IsValid) return Page();
        PartnerRevision.Expect(db, partner, Input.Revision);
        var changes = new PartnerChanges(Input.LegalName, Input.Country,
            [.. (Input.Jurisdictions ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Input.Category, new ContractDto(Input.NdaVersion, signed, expires), Input.Restrictions ?? []);
        try
        {
            await partners.ChangeAsync(id, changes, PortalPrincipal.ActorOf(User), ct);
            return Redirect($"/portal/staff/partners/{partner.Id}?done=details");
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, FormErrors.Stale);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("Input.LegalName", "Another partner has this name at the same moment; nothing was saved.");
        }
        catch (DomainException e)
        {
            FormErrors.Show(ModelState, e, Fields);
        }
        return Page();
    }

    private DateTimeOffset? Moment(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        ModelState.AddModelError(field, $"'{text}' is not a moment; write it as {TimeFormat} (UTC), e.g. 2027-01-31 00:00.");
        return null;
    }

    private async Task<Partner?> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            var partner = await partners.FindAsync(id, ct);
            Name = partner.LegalName;
            return partner;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public static IReadOnlyList<ContentClass> Classes => ContentClasses.All;
    public static IEnumerable<PartnerCategory> Categories => Enum.GetValues<PartnerCategory>();
}
