using Forewarn.Domain.Common;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The log entries about one partner and their receipts: what <c>/api/v1/me/log/entries</c> gives
/// a partner's key and the portal's "Log entries" page gives its users. An entry about another
/// partner, or none at all, is simply not there.
/// </summary>
public sealed class PartnerEntries(ForewarnDb db, LogReader reader)
{
    /// <summary>Every entry about <paramref name="partner"/> (the caller orders and pages).</summary>
    public IQueryable<LogEntry> Of(PartnerId partner) => db.LogEntries.AsNoTracking().Where(e => e.PartnerId == partner.Value);

    /// <summary>The newest entries about the partner, at most <paramref name="take"/>, optionally those before index <paramref name="before"/>.</summary>
    public Task<List<LogEntry>> NewestAsync(PartnerId partner, long? before, int take, CancellationToken ct)
    {
        var q = Of(partner);
        if (before is { } b) q = q.Where(e => e.Index < b);
        return q.OrderByDescending(e => e.Index).Take(take).ToListAsync(ct);
    }

    /// <summary>The receipt of entry <paramref name="index"/> against the latest checkpoint, when it is about the partner; null otherwise.</summary>
    public async Task<Receipt?> ReceiptAsync(PartnerId partner, long index, CancellationToken ct) =>
        await Of(partner).FirstOrDefaultAsync(e => e.Index == index, ct) is { } entry ? await reader.ReceiptAsync(entry, ct) : null;
}
