using Forewarn.Domain.Common;
using Forewarn.Server.CaseReports;
using Forewarn.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Cases;

/// <summary>
/// The case report in the portal: the API's <c>/cases/{id}/report.html</c> takes keys, never the portal's
/// cookie, so the portal renders the same report (<see cref="CaseReportService"/>, <see cref="CaseReportHtml"/>)
/// on its own route. The report is a standalone document with its one inline style block and no script,
/// so it carries the static page policy rather than the portal's.
/// </summary>
[Authorize(Policy = StaffPolicies.Investigate)]
public sealed class ReportModel(CaseReportService reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            var html = CaseReportHtml.Render(await reports.MakeAsync(id, ct));
            Response.Headers.ContentSecurityPolicy = PagePolicies.StaticPage;
            return Content(html, "text/html; charset=utf-8");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
