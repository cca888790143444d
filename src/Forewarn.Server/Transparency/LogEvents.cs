using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Domain.Transparency;
using Forewarn.Server.Auth;

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
    /// Appends the entry of a change the store has already committed. The change stands whatever
    /// happens here: when the entry cannot be written the caller is answered 503 and the change is
    /// reported at Error with its entry (<see cref="UnloggedChangeException"/>), so it can be put
    /// right by hand.
    /// </summary>
    public static async Task<LoggedEntry> AppendCommittedAsync(this ILogAppender log, LogEvent logged, CancellationToken ct)
    {
        try
        {
            return await log.AppendAsync(logged, ct);
        }
        catch (LogUnavailableException e)
        {
            throw new UnloggedChangeException(logged, e);
        }
    }

    private static KeyValuePair<string, JsonNode?> Field(string name, JsonNode? value) => new(name, value);

    private static KeyValuePair<string, JsonNode?>[] By(ClaimsPrincipal user) =>
        [Field("actor", user.Actor()), Field("actor_key", user.KeyId().ToString())];

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonNode? Time(DateTimeOffset? at) => at is { } t ? LogEvent.Time(t) : null;
}

/// <summary>
/// A change was committed but its log entry could not be written: answered 503 (log-unavailable)
/// and reported at Error with the entry that is missing.
/// </summary>
public sealed class UnloggedChangeException(LogEvent logged, Exception inner)
    : Exception($"The {logged.Kind} change was committed but its transparency-log entry could not be written.", inner)
{
    public LogEvent Event { get; } = logged;

    /// <summary>The entry that should have been logged (never holds a secret).</summary>
    public string Entry => Encoding.UTF8.GetString(Event.Body);
}
