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

    /// <summary>
    /// Who did it: the actor and its key; for staff, the member; for a change that went through four
    /// eyes, the proposal and its proposer too — the actor is then the member who approved it.
    /// </summary>
    private static KeyValuePair<string, JsonNode?>[] By(Actor actor)
    {
        KeyValuePair<string, JsonNode?>[] who = [Field("actor", actor.Name), Field("actor_key", actor.KeyId?.ToString())];
        if (actor.Member is { } member) who = [.. who, Field("actor_member", member.ToString())];
        if (actor.Approval is { } a)
            who = [.. who, Field("proposal", a.Proposal.ToString()),
                Field("proposed_by", a.Proposer.Name), Field("proposed_by_key", a.Proposer.Key.ToString()), Field("proposed_by_member", a.Proposer.Member.ToString()),
                Field("approved_by", a.Approver.Name), Field("approved_by_key", a.Approver.Key.ToString()), Field("approved_by_member", a.Approver.Member.ToString())];
        return who;
    }

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
