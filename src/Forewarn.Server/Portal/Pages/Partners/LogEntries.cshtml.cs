using System.Globalization;
using System.Text.Json;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Transparency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// The log entries about the partner (<c>GET /api/v1/me/log/entries</c>: the same entries, through
/// <see cref="PartnerEntries"/>), newest first, each with its receipt.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerRead)]
public sealed class LogEntriesModel(PartnerView view, PartnerEntries entries, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Index, DateTimeOffset? At, string Kind, string Who);

    public string Organisation { get; private set; } = "";
    public PortalTime Time { get; private set; } = null!;
    public long? Before { get; private set; }
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? before, CancellationToken ct)
    {
        if (await view.PartnerAsync(User.PartnerId(), ct) is not { } partner) return NotFound();
        Organisation = partner.LegalName;
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        Before = before is >= 0 ? before : null;
        Entries = [.. (await entries.NewestAsync(partner.Id, Before, PageSize, ct)).Select(e => Read(e.Index, e.Kind, e.Body))];
        return Page();
    }

    /// <summary>What a row shows of an entry: its time, and over which channel and by whom (a key or a portal user by id).</summary>
    private static Row Read(long index, string kind, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var e = document.RootElement;
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateTimeOffset? at = DateTimeOffset.TryParse(Text("at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        var who = string.Join(", ", new[] { Text("channel"), Text("user") ?? Text("actor") ?? (Text("key") is { } key && key != Guid.Empty.ToString() ? $"key {key}" : null) }
            .Where(x => !string.IsNullOrEmpty(x)));
        return new Row(index, at, kind, who);
    }
}
