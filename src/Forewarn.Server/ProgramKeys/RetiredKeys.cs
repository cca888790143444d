using System.Text.Json;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.ProgramKeys;

/// <summary>A public key the programme signed with before a rotation, and when it stopped.</summary>
public sealed record RetiredKey(string Id, string PublicKey, DateTimeOffset RetiredAt);

/// <summary>
/// The public halves of a programme key's earlier versions, newest first, kept in one
/// <c>program_settings</c> row (public keys: in plain text) so that what they signed stays verifiable.
/// </summary>
public sealed class RetiredKeys(IServiceScopeFactory scopes, string settingKey)
{
    private static readonly JsonSerializerOptions StoreForm = new(JsonSerializerDefaults.Web);

    public string SettingKey => settingKey;

    public async Task<IReadOnlyList<RetiredKey>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ListAsync(scope.ServiceProvider.GetRequiredService<ForewarnDb>(), ct);
    }

    public async Task<IReadOnlyList<RetiredKey>> ListAsync(ForewarnDb db, CancellationToken ct)
    {
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == settingKey, ct);
        return row is null ? [] : JsonSerializer.Deserialize<List<RetiredKey>>(row.Value, StoreForm) ?? [];
    }

    /// <summary>Stages <paramref name="retired"/> at the head of the list (saved with the caller's change).</summary>
    public async Task AddAsync(ForewarnDb db, RetiredKey retired, CancellationToken ct)
    {
        var list = (await ListAsync(db, ct)).ToList();
        var exists = list.Count > 0 || await db.Settings.AsNoTracking().AnyAsync(s => s.Key == settingKey, ct);
        list.Insert(0, retired);
        var row = new ProgramSetting(settingKey, JsonSerializer.Serialize(list, StoreForm));
        if (exists) db.Settings.Update(row);
        else db.Settings.Add(row);
    }
}
