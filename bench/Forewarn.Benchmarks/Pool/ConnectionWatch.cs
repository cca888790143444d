using Npgsql;

namespace Forewarn.Benchmarks.Pool;

/// <summary>
/// Watches a database's connections from outside, as an operator would: how many the servers hold
/// (pg_stat_activity), the most seen, and whether a new session (an operator's psql) gets in.
/// </summary>
public sealed class ConnectionWatch(string connectionString)
{
    private readonly string operatorConnection = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;

    public int MostHeld { get; private set; }
    public int OperatorTries { get; private set; }
    public int OperatorRefused { get; private set; }
    public string? Refusal { get; private set; }

    /// <summary>Connects as a new session and counts the other sessions on the database; null when the server refused the session.</summary>
    public async Task<int?> CountAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(operatorConnection);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException e)
        {
            Refusal ??= e.Message;
            return null;
        }
    }

    /// <summary>Samples every quarter second until cancelled.</summary>
    public async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                OperatorTries++;
                if (await CountAsync(ct) is { } held) MostHeld = Math.Max(MostHeld, held);
                else OperatorRefused++;
                await Task.Delay(250, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
