using System.Security.Cryptography;
using Forewarn.Server.Hosting;
using Forewarn.Storage;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.ProgramKeys;

/// <summary>
/// The operator's master key: 32 bytes that encrypt the Data Protection key ring kept in the
/// store. It never goes into the store — a copy of the database without it opens none of the
/// programme's secrets. Settled at start (<see cref="SettleAsync"/>): configured, else the data
/// directory's <c>master.key</c>, else — for a store that has no key ring yet — made there
/// (owner read/write only) with a warning to keep it apart from the database.
/// </summary>
public sealed class MasterKey(IOptions<KeysOptions> options, StoreSettings store, ILogger<MasterKey> log)
{
    public const string FileName = "master.key";
    public const string FormatSentence = "it holds 32 random bytes in base64 (make one with 'openssl rand -base64 32').";

    private byte[]? bytes;

    /// <summary>The key; only once settled at start.</summary>
    public byte[] Bytes => bytes ?? throw new InvalidOperationException("The master key is read at start, before any secret is used.");

    /// <summary>Eight hex digits that name the key without giving it away (SHA-256 of the key).</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Bytes).AsSpan(0, 4));

    public string DataDirectoryFile => Path.Combine(store.DataDirectory, FileName);

    /// <summary>
    /// Reads (or, for a store without a key ring, makes) the master key, and checks it is the one
    /// the store's key ring was encrypted with (<paramref name="ringMasterKeys"/>: the ids its keys
    /// name) — before Data Protection touches the ring, so a wrong key never adds to it.
    /// </summary>
    public async Task SettleAsync(IReadOnlyCollection<string> ringMasterKeys, CancellationToken ct)
    {
        await ReadOrMakeAsync(ringMasterKeys.Count > 0, ct);
        if (ringMasterKeys.Count > 0 && !ringMasterKeys.Contains(Id))
            throw new StartupRefusedException(
                $"The store's key ring is encrypted with master key {string.Join(", ", ringMasterKeys.Distinct())}, but this server's master key is {Id}. " +
                "Every server of a programme needs the same master key (keys:masterKeyFile, keys:masterKey) as the one that wrote the store's key ring.");
    }

    private async Task ReadOrMakeAsync(bool storeHasKeyRing, CancellationToken ct)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.MasterKey))
        {
            bytes = Read(o.MasterKey, "keys:masterKey");
            return;
        }
        var path = string.IsNullOrWhiteSpace(o.MasterKeyFile) ? DataDirectoryFile : o.MasterKeyFile;
        if (File.Exists(path))
        {
            bytes = Read(await File.ReadAllTextAsync(path, ct), path);
            return;
        }
        if (storeHasKeyRing)
            throw new StartupRefusedException(
                $"The store's key ring is encrypted with a master key that this server does not have (none configured, and no {path}). " +
                "Give the programme's master key with keys:masterKeyFile or keys:masterKey (FOREWARN_KEYS__MASTERKEYFILE, FOREWARN_KEYS__MASTERKEY), " +
                $"or restore it as {path}.");
        var made = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteOwnerOnlyAsync(path, Convert.ToBase64String(made) + "\n", ct);
        bytes = made;
        log.LogWarning("Made a master key for this new store at {Path} (readable by this user only). It encrypts the programme's private keys " +
                       "in the store: keep a copy apart from the database and give it to every server of the programme (keys:masterKeyFile); " +
                       "without it a backup of the store cannot be used", path);
    }

    public static bool TryRead(string text, out byte[] key)
    {
        key = [];
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return key.Length == 32;
    }

    private static byte[] Read(string text, string from) =>
        TryRead(text, out var key) ? key : throw new StartupRefusedException($"{from} does not hold a master key: {FormatSentence}");

    /// <summary>Writes a file only its owner may read (0600 on Unix), created so before anything is in it.</summary>
    public static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken ct)
    {
        var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, mode);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}
