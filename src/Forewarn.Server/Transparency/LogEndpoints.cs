using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The log's public face (<c>/log/v1</c>), for auditors and witnesses: the latest signed
/// checkpoint, every checkpoint ever published, RFC 9162 inclusion and consistency proofs, leaf
/// hashes, and the log's public key (also at <c>/.well-known/forewarn/log-key</c>). Entries' contents
/// are not public.
/// </summary>
public static class LogEndpoints
{
    public const string KeyPath = "/.well-known/forewarn/log-key";
    private const int MaxLeaves = 1000;

    public static void MapTransparencyLog(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/log/v1").WithTags("Transparency log").AllowAnonymous();
        log.MapGet("/checkpoint", Checkpoint).WithSummary("The latest signed checkpoint (C2SP tlog-checkpoint signed note)");
        log.MapGet("/checkpoints", Checkpoints).WithSummary("Every checkpoint published, oldest first, from tree size 'after' on");
        log.MapGet("/proof/inclusion", Inclusion).WithSummary("RFC 9162 inclusion proof of the leaf at 'index' in the tree of 'size' entries");
        log.MapGet("/proof/consistency", Consistency).WithSummary("RFC 9162 consistency proof between the trees of 'from' and 'to' entries");
        log.MapGet("/leaves", Leaves).WithSummary("Leaf hashes of entries 'start' to 'end' (inclusive; may stop early)");
        log.MapGet("/key", Key).WithSummary("The log's public key (C2SP note verifier key)");
        log.MapGet("/keys", Keys).WithSummary("Every public key of the log, one a line: the one signing now first, then those that signed earlier checkpoints (newest first)");
        app.MapGet(KeyPath, Key).WithTags("Transparency log").AllowAnonymous().WithSummary("The log's public key (C2SP note verifier key)");
    }

    private static async Task<IResult> Checkpoint(LogReader reader, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text((await reader.LatestAsync(ct)).Note, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static Task<IResult> Checkpoints(ForewarnDb db, string? after, string? limit, CancellationToken ct) =>
        Answer(() => CheckpointsAsync(db, After(after), limit is null ? 1000 : Number(limit, "limit"), ct));

    private static async Task<JsonObject> CheckpointsAsync(ForewarnDb db, long from, long limit, CancellationToken ct)
    {
        if (limit is < 1 or > 10_000) throw new LogRangeException($"\"limit\" is from 1 to 10000; {limit} was asked for.");
        var take = (int)limit;
        var rows = await db.LogCheckpoints.AsNoTracking().Where(c => c.Size > from).OrderBy(c => c.Size).Take(take).ToListAsync(ct);
        var list = new JsonArray([.. rows.Select(c => (JsonNode)new JsonObject
        {
            ["size"] = c.Size,
            ["signed_at"] = c.SignedAt.UtcDateTime.ToString("O"),
            ["checkpoint"] = c.Note,
        })]);
        return new JsonObject { ["checkpoints"] = list, ["next_after"] = rows.Count == take ? rows[^1].Size : null };
    }

    private static Task<IResult> Inclusion(LogReader reader, string? index, string? size, CancellationToken ct) =>
        Answer(async () =>
        {
            var proof = await reader.InclusionAsync(Number(index, "index"), Number(size, "size"), ct);
            return proof.ToJson();
        });

    private static Task<IResult> Consistency(LogReader reader, string? from, string? to, CancellationToken ct) =>
        Answer(async () => (await reader.ConsistencyAsync(Number(from, "from"), Number(to, "to"), ct)).ToJson());

    private static Task<IResult> Leaves(LogReader reader, string? start, string? end, CancellationToken ct) =>
        Answer(async () =>
        {
            var (first, last, hashes) = await reader.LeavesAsync(Number(start, "start"), Number(end, "end"), MaxLeaves, ct);
            return new JsonObject
            {
                ["start"] = first,
                ["end"] = last,
                ["leaf_hashes"] = new JsonArray([.. hashes.Select(h => (JsonNode)Convert.ToBase64String(h))]),
            };
        });

    private static async Task<IResult> Key(LogKey key, CancellationToken ct) =>
        TypedResults.Text((await key.GetAsync(ct)).VerifierKey + "\n", "text/plain; charset=utf-8", Encoding.UTF8);

    private static async Task<IResult> Keys(LogKey key, CancellationToken ct) =>
        TypedResults.Text(string.Concat((await key.VerifierKeysAsync(ct)).Select(k => k + "\n")), "text/plain; charset=utf-8", Encoding.UTF8);

    private static async Task<IResult> Answer(Func<Task<JsonObject>> make) => Json(await make());

    // Base64 and text as they are ("+", not "\u002B"): still JSON, and readable.
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResult Json(JsonObject body) => TypedResults.Text(body.ToJsonString(Plain), "application/json", Encoding.UTF8);

    // "after" is a size; -1 (or nothing) means from the first checkpoint on.
    private static long After(string? text) =>
        text is null ? -1
        : long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= -1 ? n
        : throw new LogRangeException($"\"after\" is a tree size (or -1 for all); \"{text}\" is not.");

    private static long Number(string? text, string name) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new LogRangeException(text is null ? $"The query parameter \"{name}\" is required." : $"\"{name}\" is a whole number, 0 or more; \"{text}\" is not.");
}
