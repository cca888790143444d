using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.CaseReports;

/// <summary><c>GET /api/v1/cases/{id}/report.html</c>: the case's self-contained report, verifiable offline (staff).</summary>
public static class CaseReportEndpoints
{
    public static void MapCaseReports(this IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id}/report.html", Report).WithTags("Cases").RequireAuthorization(AccessPolicies.Investigate)
            .WithSummary("The case as one self-contained HTML file: timeline, exposure, traces, evidence, decisions, and every cited log entry with its proof")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Refuses(ErrorCategory.NotFound);

    private static async Task<FileContentHttpResult> Report(string id, CaseReportService reports, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(CaseReportHtml.Render(await reports.MakeAsync(id, ct))), "text/html; charset=utf-8");
}
