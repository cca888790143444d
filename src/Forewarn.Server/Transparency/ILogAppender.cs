using Forewarn.Domain.Transparency;

namespace Forewarn.Server.Transparency;

/// <summary>Where security-relevant events go: <see cref="TransparencyLog"/>, the one implementation the server runs.</summary>
public interface ILogAppender
{
    /// <summary>Appends an event and returns once it is durable, with its index and a receipt's parts.</summary>
    Task<LoggedEntry> AppendAsync(LogEvent logged, CancellationToken ct);
}
