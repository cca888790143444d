using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Forewarn.Storage;

/// <summary>
/// PostgreSQL: the generation tokens kept in memory for as long as nothing can have changed them.
/// A trigger on <c>program_settings</c> notifies <see cref="Channel"/> in the transaction that
/// stamps a token (migration <c>GenerationNotices</c>), and one connection per server listens.
/// Each notification, each (re)connection of the listener and each commit of this server that
/// stamps a token counts one in <c>heard</c>; tokens read from the store are kept with the count
/// taken before the read, and used while the count has not moved — so a request costs no round
/// trip until something changes, and then one. Without a listening connection (before it is up,
/// after it broke, until it is back) every read goes to the store, as <see cref="PostgresGenerationProbe"/> does.
/// A server that commits a new token waits (briefly) until it hears its own notification
/// (<see cref="HeardAsync"/>): every listener was signalled with it, so by the time the writer
/// answers, the other servers have it too, and a change made through one server applies to the
/// next request at any other.
/// </summary>
internal sealed class PostgresGenerationWatch : IGenerationProbe, IAsyncDisposable, IDisposable
{
    public const string Channel = "forewarn_generations";

    private sealed record Kept(string Facts, string Accounts, long Heard);

    private readonly PostgresGenerationProbe store;
    private readonly string listening;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> awaited = new();
    private readonly Lock starting = new();
    private Task? listener;
    private long heard;
    private volatile bool live;
    private Kept? kept;

    public PostgresGenerationWatch(string connectionString, ILogger<PostgresGenerationWatch>? logger = null)
    {
        store = new PostgresGenerationProbe(connectionString);
        // Its own connection, outside the pool; keepalives find a dead one within seconds.
        listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5 }.ToString();
        this.logger = logger ?? NullLogger<PostgresGenerationWatch>.Instance;
    }

    /// <summary>Whether the listener is connected: while it is, kept tokens are used.</summary>
    public bool Live => live;

    public async ValueTask<string> ReadAsync(CancellationToken ct) => (await ReadBothAsync(ct)).Facts;

    public async ValueTask<(string Facts, string Accounts)> ReadBothAsync(CancellationToken ct)
    {
        EnsureListening();
        var count = Interlocked.Read(ref heard);
        var current = Volatile.Read(ref kept);
        if (live && current is not null && current.Heard == count) return (current.Facts, current.Accounts);
        var read = await store.ReadBothAsync(ct);
        // Read after the count was taken: a change committed since moves the count once it is heard.
        if (live) Volatile.Write(ref kept, new Kept(read.Facts, read.Accounts, count));
        return read;
    }

    /// <summary>
    /// Called before a commit that stamps <paramref name="tokens"/>: a task that completes when this
    /// server hears each of them (or at once when nothing listens).
    /// </summary>
    public Task Expect(IReadOnlyList<string> tokens)
    {
        if (!live || tokens.Count == 0) return Task.CompletedTask;
        return Task.WhenAll(tokens.Select(t => awaited.GetOrAdd(t, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task));
    }

    /// <summary>After a commit of this server that stamped tokens: what was kept is stale here at once; waits to hear them, at most <paramref name="patience"/>.</summary>
    public async Task HeardAsync(IReadOnlyList<string> tokens, Task expected, TimeSpan patience)
    {
        Interlocked.Increment(ref heard);
        if (expected.IsCompleted) return;
        if (await Task.WhenAny(expected, Task.Delay(patience)) != expected)
        {
            Forget(tokens);
            logger.LogWarning("A new generation token was not heard back within {Patience}; other servers see it on their next read of the store.", patience);
        }
    }

    /// <summary>A save or transaction that stamped <paramref name="tokens"/> did not commit.</summary>
    public void Forget(IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
            if (awaited.TryRemove(token, out var waiting)) waiting.TrySetResult();
    }

    private void EnsureListening()
    {
        if (listener is not null) return;
        lock (starting) listener ??= Task.Run(ListenAsync);
    }

    private async Task ListenAsync()
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                connection.Notification += (_, e) => Hear(e.Payload);
                await connection.OpenAsync(stopping.Token);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping.Token);
                Interlocked.Increment(ref heard); // whatever was kept before may have missed changes
                live = true;
                pause = TimeSpan.FromSeconds(1);
                while (true) await connection.WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested) // whatever broke it, listen again: the store is read meanwhile
            {
                logger.LogWarning(e, "Listening for generation changes failed; every request reads the store until it is back.");
            }
            finally
            {
                live = false;
                Interlocked.Increment(ref heard);
                foreach (var token in awaited.Keys) Forget([token]);
            }
            try
            {
                await Task.Delay(pause, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 2));
        }
    }

    private void Hear(string token)
    {
        Interlocked.Increment(ref heard); // before the writer waiting for it may answer
        if (awaited.TryRemove(token, out var waiting)) waiting.TrySetResult();
    }

    public void Dispose() => stopping.Cancel();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (listener is not null) await listener;
    }
}
