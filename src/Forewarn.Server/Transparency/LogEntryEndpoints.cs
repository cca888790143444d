using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage.Transparency;
using Forewarn.Storage;
using Forewarn.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Whole log entries, which are not public: staff read every entry (<c>/api/v1/log/entries</c>), a
/// partner only the entries about itself (<c>/api/v1/me/log/entries</c>); either can ask for the
/// receipt of an entry they may read — its inclusion proof against the latest checkpoint.
/// </summary>
public static class LogEntryEndpoints
{
    private const int MaxPage = 10_000;

    public static void MapLogEntries(this IEndpointRouteBuilder api)
    {
        var staff = api.MapGroup("/log").WithTags("Transparency log").RequireAuthorization(AccessPolicies.StaffRead);
        staff.MapGet("/entries", StaffEntries).WithSummary("Log entries in order from index 'start' (optionally one kind or one partner's)");
        staff.MapGet("/entries/{index:long}/receipt", StaffReceipt).WithSummary("The receipt of an entry against the latest checkpoint");
        var me = api.MapGroup("/me/log").WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerRead);
        me.MapGet("/entries", MyEntries).WithSummary("The log entries about my organisation, in order from index 'start'");
        me.MapGet("/entries/{index:long}/receipt", MyReceipt).WithSummary("The receipt of one of my entries against the latest checkpoint");
    }

    private static Task<IResult> StaffEntries(ForewarnDb db, long? start, int? limit, string? kind, Guid? partner, CancellationToken ct)
    {
        var q = db.LogEntries.AsNoTracking();
        if (kind is not null) q = q.Where(e => e.Kind == kind);
        if (partner is { } p) q = q.Where(e => e.PartnerId == p);
        return Page(q, start, limit, ct);
    }

    private static Task<IResult> MyEntries(PartnerEntries entries, ClaimsPrincipal user, long? start, int? limit, CancellationToken ct) =>
        Page(entries.Of(user.PartnerId()), start, limit, ct);

    private static async Task<IResult> StaffReceipt(long index, ForewarnDb db, LogReader reader, CancellationToken ct) =>
        await db.LogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Index == index, ct) is { } entry
            ? Json((await reader.ReceiptAsync(entry, ct)).ToJson())
            : Problem.Of(ErrorCategory.NotFound, "not-found", $"The log holds no entry {index}.");

    private static async Task<IResult> MyReceipt(long index, PartnerEntries entries, ClaimsPrincipal user, CancellationToken ct) =>
        await entries.ReceiptAsync(user.PartnerId(), index, ct) is { } receipt
            ? Json(receipt.ToJson())
            : Problem.Of(ErrorCategory.NotFound, "not-found", $"The log holds no entry {index} about your organisation.");

    /// <summary>A receipt as the API gives it: JSON with base64 and text as they are.</summary>
    public static string Text(Receipt receipt) => receipt.ToJson().ToJsonString(Plain);

    private static async Task<IResult> Page(IQueryable<LogEntry> q, long? start, int? limit, CancellationToken ct)
    {
        if (start is < 0) return Problem.Of(ErrorCategory.Invalid, "log-range", "\"start\" is an entry index, 0 or more.");
        if (limit is < 1 or > MaxPage) return Problem.Of(ErrorCategory.Invalid, "log-range", $"\"limit\" is from 1 to {MaxPage}.");
        var take = limit ?? 1000;
        var from = start ?? 0;
        var rows = await q.Where(e => e.Index >= from).OrderBy(e => e.Index).Take(take).ToListAsync(ct);
        return Json(new JsonObject
        {
            ["entries"] = new JsonArray([.. rows.Select(Dto)]),
            ["next_start"] = rows.Count == take ? rows[^1].Index + 1 : null,
        });
    }

    private static JsonNode Dto(LogEntry e) => new JsonObject
    {
        ["index"] = e.Index,
        ["kind"] = e.Kind,
        ["partner_id"] = e.PartnerId?.ToString(),
        ["artifact_id"] = e.ArtifactId?.ToString(),
        ["entry"] = JsonNode.Parse(e.Body),
    };

    // Base64 and text as they are ("+", not "\u002B"): still JSON, and readable.
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResult Json(JsonObject body) => TypedResults.Text(body.ToJsonString(Plain), "application/json", Encoding.UTF8);
}
