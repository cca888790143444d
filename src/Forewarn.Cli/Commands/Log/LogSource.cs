using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text;
using Forewarn.Cli.Api;
using Forewarn.Cli.Output;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency;

namespace Forewarn.Cli.Commands.Log;

/// <summary>
/// The whole log read from a server a page at a time, for <see cref="LogAudit"/>: entries from the
/// staff API with their stored leaf hashes from <c>/log/v1/leaves</c>, and every checkpoint from
/// <c>/log/v1/checkpoints</c>. Only a page of each is held at once.
/// </summary>
public sealed class LogSource(ApiClient api, long sizeAtStart)
{
    public const int EntryPage = 10_000;
    public const int CheckpointPage = 1000;
    private const string Public = "../../log/v1/";

    private long? entriesEnd;

    public async IAsyncEnumerable<AuditedEntry> EntriesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        long? start = 0;
        while (start is { } from)
        {
            var page = await api.GetAsync(Invariant($"log/entries?start={from}&limit={EntryPage}"), ct);
            var entries = JsonRead.Items(page, "entries").ToList();
            var leaves = entries.Count == 0 ? [] : await LeavesAsync(Index(entries[0]), Index(entries[^1]), ct);
            foreach (var e in entries)
            {
                var index = Index(e);
                if (e["entry"] is not JsonObject body) throw new InputException($"the server sent entry {index} without its body.");
                var canonical = Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(body.ToJsonString()));
                yield return new AuditedEntry(index, canonical, leaves.GetValueOrDefault(index));
            }
            start = page?["next_start"] is JsonValue next ? next.GetValue<long>() : null;
            if (start is null) entriesEnd = entries.Count > 0 ? Index(entries[^1]) + 1 : from;
        }
    }

    /// <summary>
    /// Every stored checkpoint, oldest first. Once the entries have run out, a checkpoint newer than
    /// the log was when the audit began is not read: its entries may have come after the last page.
    /// </summary>
    public async IAsyncEnumerable<AuditedCheckpoint> CheckpointsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        long? after = -1;
        while (after is { } from)
        {
            var page = await api.GetAsync(Invariant($"{Public}checkpoints?after={from}&limit={CheckpointPage}"), ct);
            foreach (var c in JsonRead.Items(page, "checkpoints"))
            {
                var size = c["size"]!.GetValue<long>();
                if (size > sizeAtStart && entriesEnd is { } end && size > end) yield break;
                yield return new AuditedCheckpoint(size, c.Text("checkpoint"));
            }
            after = page?["next_after"] is JsonValue next ? next.GetValue<long>() : null;
        }
    }

    /// <summary>The stored leaf hashes of entries first..last that the log serves (none past its latest checkpoint).</summary>
    private async Task<Dictionary<long, byte[]>> LeavesAsync(long first, long last, CancellationToken ct)
    {
        var leaves = new Dictionary<long, byte[]>();
        for (var at = first; at <= last;)
        {
            JsonNode? page;
            try
            {
                page = await api.GetAsync(Invariant($"{Public}leaves?start={at}&end={last}"), ct);
            }
            catch (ProblemException e) when ((int)e.Status == 400)
            {
                break; // Past the log's signed size: those entries have no leaf to compare.
            }
            var hashes = JsonRead.Items(page, "leaf_hashes").Select(h => Convert.FromBase64String(h.GetValue<string>())).ToList();
            // The answer lists hashes without their indexes: if rows are missing it cannot be matched up.
            if (hashes.Count == 0 || page?["start"]?.GetValue<long>() != at || page["end"]?.GetValue<long>() != at + hashes.Count - 1) break;
            foreach (var h in hashes) leaves[at++] = h;
        }
        return leaves;
    }

    private static long Index(JsonNode e) => e["index"]!.GetValue<long>();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
