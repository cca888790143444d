using System.Security.Cryptography;
using Forewarn.Domain.Common;
using Forewarn.Server.Hosting;
using Forewarn.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.ProgramKeys;

/// <summary>
/// The programme's secrets as they rest in <c>program_settings</c>: encrypted with Data Protection
/// (the key ring in the store, itself encrypted by the operator's <see cref="MasterKey"/>), each
/// bound to its setting's name so a value moved to another row does not open. Values an older
/// version left in plain text are encrypted at start (<see cref="SettleAsync"/>).
/// </summary>
public sealed class ProgramSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "protected:";

    /// <summary>The settings that hold private keys or secrets.</summary>
    public static readonly IReadOnlyList<string> SecretKeys =
        [Publishing.ProgramSigningKey.SettingKey, Tracing.ProgramTracingSecret.SettingKey, Transparency.LogKey.SettingKey, Auth.RequestOrigins.SettingKey];

    private readonly IDataProtector protector = provider.CreateProtector("Forewarn.ProgramSecrets.v1");

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string settingKey, string plain) => Prefix + protector.CreateProtector(settingKey).Protect(plain);

    public string Unprotect(string settingKey, string stored) =>
        IsProtected(stored)
            ? protector.CreateProtector(settingKey).Unprotect(stored[Prefix.Length..])
            : throw new CryptographicException($"The programme setting {settingKey} is in plain text, which this server never writes: the store was edited.");

    /// <summary>
    /// Encrypts the secrets an older version stored in plain text, and checks that every stored
    /// secret opens with this server's keys — so a wrong master key stops the start, not a request.
    /// Returns how many were encrypted.
    /// </summary>
    public async Task<int> SettleAsync(ForewarnDb db, CancellationToken ct)
    {
        var rows = await db.Settings.AsNoTracking().Where(s => SecretKeys.Contains(s.Key)).ToListAsync(ct);
        var encrypted = 0;
        foreach (var row in rows)
        {
            if (!IsProtected(row.Value))
            {
                db.Settings.Update(new ProgramSetting(row.Key, Protect(row.Key, row.Value)));
                encrypted++;
                continue;
            }
            try
            {
                Unprotect(row.Key, row.Value);
            }
            catch (CryptographicException e)
            {
                throw new StartupRefusedException($"The programme's {row.Key} cannot be opened with this server's keys ({e.Message}). " +
                    "Every server of a programme needs the same master key (keys:masterKeyFile) as the one that wrote the store's key ring.");
            }
        }
        if (encrypted > 0) await db.SaveChangesAsync(ct);
        return encrypted;
    }
}
