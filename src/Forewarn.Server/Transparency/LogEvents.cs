using System.Security.Claims;
using System.Text.Json.Nodes;
using Forewarn.Server.Auth;
using Forewarn.Storage;
using Forewarn.Storage.Transparency;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// The log entries of the programme's security-relevant changes, built here so endpoints and jobs
/// stay thin (one file per area: membership, publishing, tracing). Every entry says who did it:
/// staff as <c>actor</c> (name and key prefix) and <c>actor_key</c> (the key's id); the server's
/// own jobs as <c>actor</c> = <c>scheduler</c>.
/// </summary>
public static partial class LogEvents
{
    /// <summary>The actor of entries written by the server's own jobs (waves, releases).</summary>
    public const string Scheduler = "scheduler";

    /// <summary>
    /// Stages the entry of a change in the same unit of work as the change: the next
    /// <c>SaveChanges</c> commits both or neither, so no change stands without its entry (a change
    /// that changed nothing passes null and stages nothing).
    /// </summary>
    public static void Stage(this ForewarnDb db, LogEvent? change)
    {
        if (change is not null) db.LogPending.Add(new PendingLogEntry(change));
    }

    /// <summary>
    /// After the commit: waits until the staged entries are in the tree, so the answer (and a
    /// read of the log right after it) sees them. When the log cannot be written now they stay
    /// staged — committed with the change — and the next batch takes them in.
    /// </summary>
    public static async Task SettleAsync(this ILogAppender log, CancellationToken ct)
    {
        try
        {
            await log.FlushAsync(ct);
        }
        catch (LogUnavailableException)
        {
        }
    }

    private static KeyValuePair<string, JsonNode?> Field(string name, JsonNode? value) => new(name, value);

    private static KeyValuePair<string, JsonNode?>[] By(ClaimsPrincipal user) =>
        [Field("actor", user.Actor()), Field("actor_key", user.KeyId().ToString())];

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonNode? Time(DateTimeOffset? at) => at is { } t ? LogEvent.Time(t) : null;
}
