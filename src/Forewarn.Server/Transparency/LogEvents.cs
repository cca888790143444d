using System.Text.Json.Nodes;
using Forewarn.Server.Auth;
using Forewarn.Storage.Transparency;
using Forewarn.Storage;
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

    private static KeyValuePair<string, JsonNode?> Field(string name, JsonNode? value) => new(name, value);

    private static KeyValuePair<string, JsonNode?>[] By(Actor actor) =>
        [Field("actor", actor.Name), Field("actor_key", actor.KeyId?.ToString())];

    /// <summary>
    /// Each field of <paramref name="after"/> that differs from <paramref name="before"/>, as from and
    /// to (with no <paramref name="before"/>: every field, to); null when nothing differs.
    /// </summary>
    public static JsonObject? Differences(JsonObject? before, JsonObject after)
    {
        var changes = new JsonObject();
        foreach (var (name, value) in after)
        {
            if (before is null)
            {
                changes[name] = new JsonObject { ["to"] = value?.DeepClone() };
                continue;
            }
            var old = before[name];
            if (JsonNode.DeepEquals(old, value)) continue;
            changes[name] = new JsonObject { ["from"] = old?.DeepClone(), ["to"] = value?.DeepClone() };
        }
        return changes.Count == 0 ? null : changes;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonNode? Time(DateTimeOffset? at) => at is { } t ? LogEvent.Time(t) : null;
}
