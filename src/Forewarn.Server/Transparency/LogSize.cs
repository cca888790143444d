using Forewarn.Storage;
using Forewarn.Storage.Transparency;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The largest log size this server has seen (its own commits, and reads). A log only grows, so a
/// proof for a size up to it needs no read of the size first — one round trip to the store per
/// proof instead of two; a larger size is checked against the store.
/// </summary>
public sealed class LogSize
{
    private long known;

    public long Known => Volatile.Read(ref known);

    public void Saw(long size)
    {
        for (var k = Known; k < size; k = Known)
            if (Interlocked.CompareExchange(ref known, size, k) == k) return;
    }

    /// <summary>The log's size, read from the store only when <paramref name="wanted"/> is beyond what was seen.</summary>
    public async Task<long> AtLeastAsync(ForewarnDb db, long wanted, CancellationToken ct)
    {
        if (wanted <= Known) return Known;
        var size = await LogStore.SizeAsync(db, ct);
        Saw(size);
        return size;
    }
}
