extern alias server;

using Forewarn.Transparency.Entries;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>
/// The baseline of log-then-serve: answers at once, as if the entry were logged, without a store
/// (index 0 in a tree of one, an empty proof and no checkpoint), so the endpoint does everything
/// else it does — the receipt header included.
/// </summary>
internal sealed class NoLogAppender : ILogAppender
{
    public Task<LoggedEntry> AppendAsync(LogEvent logged, CancellationToken ct) =>
        Task.FromResult(new LoggedEntry(0, logged.Body, logged.LeafHash(), 1, "", []));

    public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
}
