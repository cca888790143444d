using Forewarn.Storage;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// Keeps the <see cref="ProgramFacts"/> of the current generation. Every request reads the
/// generation token (one indexed row) and reloads when it moved, so a suspension, a revoked key
/// or a policy change made by any server on the same store applies to the very next request.
/// </summary>
public sealed class FactsCache(IGenerationProbe probe)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private ProgramFacts? _current;

    public async Task<ProgramFacts> CurrentAsync(ForewarnDb db, CancellationToken ct) => await CurrentAsync(db, await probe.ReadAsync(ct), ct);

    /// <summary>The facts of <paramref name="generation"/>, a token the caller has just read from the store.</summary>
    public async Task<ProgramFacts> CurrentAsync(ForewarnDb db, string generation, CancellationToken ct)
    {
        var facts = Volatile.Read(ref _current);
        if (facts?.Generation == generation) return facts;
        await _reload.WaitAsync(ct);
        try
        {
            facts = Volatile.Read(ref _current);
            if (facts?.Generation == generation) return facts;
            facts = await ProgramFacts.LoadAsync(db, ct);
            Volatile.Write(ref _current, facts);
            return facts;
        }
        finally
        {
            _reload.Release();
        }
    }
}

/// <summary>
/// The facts for one request: read once, shared by authentication and the endpoint — with the
/// accounts token read in the same round trip, which a portal request checks its session against.
/// </summary>
public sealed class RequestFacts(FactsCache cache, ForewarnDb db, IGenerationProbe probe)
{
    private Task<(string Facts, string Accounts)>? _generations;
    private Task<ProgramFacts>? _facts;

    public Task<(string Facts, string Accounts)> GenerationsAsync(CancellationToken ct) => _generations ??= probe.ReadBothAsync(ct).AsTask();

    public Task<ProgramFacts> GetAsync(CancellationToken ct) => _facts ??= LoadAsync(ct);

    private async Task<ProgramFacts> LoadAsync(CancellationToken ct) => await cache.CurrentAsync(db, (await GenerationsAsync(ct)).Facts, ct);
}
