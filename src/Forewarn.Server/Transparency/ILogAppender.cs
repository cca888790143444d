using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>Where security-relevant events go: <see cref="TransparencyLog"/>, the one implementation the server runs.</summary>
public interface ILogAppender
{
    /// <summary>Appends an event and returns once it is durable, with its index and a receipt's parts.</summary>
    Task<LoggedEntry> AppendAsync(LogEvent logged, CancellationToken ct);

    /// <summary>
    /// Returns once every entry staged with a committed change (<see cref="LogEvents.Stage"/>) up to
    /// now is in the tree. Throws <see cref="LogUnavailableException"/> when the log cannot be
    /// written — the staged entries stay staged and go in with the next batch.
    /// </summary>
    Task FlushAsync(CancellationToken ct);
}
