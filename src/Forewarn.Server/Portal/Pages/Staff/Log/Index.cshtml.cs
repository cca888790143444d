using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal.Pages.Staff.Log;

/// <summary>
/// The transparency log for staff, newest first: every entry (what <c>GET /api/v1/log/entries</c>
/// answers a staff key), filtered by kind or partner, each with its receipt; the latest checkpoint
/// and whether its signature holds under the log's published key.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalStaffRead)]
public sealed class IndexModel(ForewarnDb db, LogReader reader, LogKey key) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Every kind the log can hold, for the filter (the constants of <see cref="LogKinds"/>).</summary>
    private static readonly IReadOnlyList<string> AllKinds = typeof(LogKinds).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal).ToList();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Row(long Index, string Kind, string? Partner, string Body);

    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Partner { get; set; }

    public long Size { get; private set; }
    public string Checkpoint { get; private set; } = "";
    public Verdict CheckpointVerdict { get; private set; } = new(false, "");
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Partners { get; private set; } = new Dictionary<Guid, string>();
    public long? Older { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Size, Checkpoint) = await reader.LatestAsync(ct);
        var keys = (await key.VerifierKeysAsync(ct)).Select(NoteKey.FromVerifierKey).ToList();
        var (opened, problem) = LogVerifier.Open(Checkpoint, keys);
        CheckpointVerdict = opened is null ? Verdict.Fails(problem!)
            : new Verdict(true, $"The checkpoint of {opened.Size:N0} entries is signed by the log's key {keys[0].Name}.");
        Partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id.Value, p => p.LegalName, ct);
        Kinds = AllKinds;

        IQueryable<LogEntry> q = db.LogEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Kind)) q = q.Where(e => e.Kind == Kind);
        if (Partner is { } p) q = q.Where(e => e.PartnerId == p);
        if (Before is { } before) q = q.Where(e => e.Index < before);
        var rows = await q.OrderByDescending(e => e.Index).Take(PageSize + 1).ToListAsync(ct);
        Older = rows.Count > PageSize ? rows[PageSize - 1].Index : null;
        Rows = rows.Take(PageSize).Select(e => new Row(e.Index, e.Kind,
            e.PartnerId is { } id ? Partners.GetValueOrDefault(id, id.ToString()) : null,
            JsonNode.Parse(e.Body)!.ToJsonString(Indented))).ToList();
    }

    /// <summary>The receipt of one entry against the latest checkpoint, as the file a partner keeps.</summary>
    public async Task<IActionResult> OnGetReceiptAsync(long index, CancellationToken ct)
    {
        if (await db.LogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Index == index, ct) is not { } entry) return NotFound();
        var receipt = await reader.ReceiptAsync(entry, ct);
        return File(receipt.ToUtf8(), "application/json", $"forewarn-log-{index}.receipt.json");
    }

    /// <summary>The query string of this listing with <paramref name="before"/> as its upper bound.</summary>
    public string Link(long? before)
    {
        var parts = new List<string>();
        if (before is { } b) parts.Add($"before={b}");
        if (!string.IsNullOrWhiteSpace(Kind)) parts.Add($"kind={Uri.EscapeDataString(Kind)}");
        if (Partner is { } p) parts.Add($"partner={p}");
        return "/portal/staff/log" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }
}
