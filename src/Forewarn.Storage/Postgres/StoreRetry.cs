using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Forewarn.Storage.Postgres;

/// <summary>
/// Retries PostgreSQL's passing failures (a dropped connection, a serialization failure, the
/// server's own "too many clients") three times, as before — but not a request that already waited
/// the whole of the pool's wait for a connection: waiting again would multiply the deadline the
/// operator set, and the answer (503 store-busy with Retry-After) tells the client when to come back.
/// </summary>
public sealed class StoreRetry(ExecutionStrategyDependencies dependencies) : NpgsqlRetryingExecutionStrategy(dependencies, 3)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not null && !StoreErrors.IsPoolWaitOver(exception) && base.ShouldRetryOn(exception);
}
