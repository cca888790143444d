using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Validation;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// The advisory's CSAF 2.0 document as <c>GET /api/v1/advisories/{id}/csaf</c> answers it
/// (<see cref="CsafOfRecord"/>), pretty-printed, with the verdict of the validator that
/// <c>POST /api/v1/csaf/validate</c> runs: passed, or each failed test.
/// </summary>
public sealed class CsafModel(AdvisoryService advisories, ForewarnDb db, ReleasePublisher publisher, TimeProvider clock,
    IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public string Reference { get; private set; } = "";
    public string Document { get; private set; } = "";
    public CsafValidation Validation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
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
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        // The very bytes the API serves, validated as a client would send them back.
        var bytes = CsafExport.Bytes(CsafOfRecord.Of(advisory, waves, publisher, clock.GetUtcNow()));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Validation = CsafValidator.Validate(text);
        Document = System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString(Indented);
        return Page();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Razor encodes the page; the JSON stays readable
    };
}
