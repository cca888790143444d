using System.Text;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// The receipt of one of the partner's log entries — its inclusion proof against the latest signed
/// checkpoint — as the file <c>GET /api/v1/me/log/entries/{index}/receipt</c> answers; check it with
/// <c>forewarn log verify-receipt</c>. An entry about another partner is not found.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerRead)]
public sealed class ReceiptModel(PartnerEntries entries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long index, CancellationToken ct) =>
        await entries.ReceiptAsync(User.PartnerId(), index, ct) is { } receipt
            ? File(Encoding.UTF8.GetBytes(LogEntryEndpoints.Text(receipt)), "application/json", $"forewarn-log-entry-{index}.receipt.json")
            : NotFound();
}
