using System.Text.RegularExpressions;
using Forewarn.Tests.Shared;

namespace Forewarn.Server.Tests.Portal.Account.OpenPgp;

/// <summary>
/// Keys made by GnuPG, as people make theirs, in one throw-away home: a primary key of one
/// algorithm and, when asked, an encryption subkey. Keys are made once per name and kept for the class.
/// </summary>
public sealed partial class GnuPgKeyring : IDisposable
{
    private readonly GnuPg _gpg = new();
    private readonly Dictionary<string, string> _made = [];
    private readonly Lock _lock = new();

    /// <summary>
    /// The fingerprint of the key <paramref name="name"/> (user id <c>name &lt;address&gt;</c>): made on first use with a
    /// <paramref name="primary"/> key for <paramref name="usage"/> and, unless null, an <paramref name="encryption"/> subkey.
    /// Expiry strings are GnuPG's ("never", "1y", "2d").
    /// </summary>
    public string Key(string name, string address, string primary, string? encryption, string primaryExpiry = "never",
        string encryptionExpiry = "never", string usage = "cert,sign")
    {
        lock (_lock)
        {
            if (_made.TryGetValue(name, out var known)) return known;
            var fingerprint = Created(Run("--passphrase", "", "--quick-gen-key", $"{name} <{address}>", primary, usage, primaryExpiry));
            if (encryption is not null) Run("--passphrase", "", "--quick-add-key", fingerprint, encryption, "encr", encryptionExpiry);
            _made[name] = fingerprint;
            return fingerprint;
        }
    }

    /// <summary>Adds one more encryption subkey to a key.</summary>
    public void AddEncryptionKey(string fingerprint, string algorithm, string expiry) =>
        Run("--passphrase", "", "--quick-add-key", fingerprint, algorithm, "encr", expiry);

    /// <summary>The armored public key(s), as 'gpg --armor --export' prints them.</summary>
    public string Export(params string[] fingerprints) => Read(["--armor", "--export", .. fingerprints]);

    /// <summary>The public key(s) without armor.</summary>
    public byte[] ExportBinary(string fingerprint) => ReadBytes(["--export", fingerprint]);

    public string ExportSecret(string fingerprint) =>
        Read(["--pinentry-mode", "loopback", "--passphrase", "", "--armor", "--export-secret-keys", fingerprint]);

    /// <summary>Imports the revocation certificate GnuPG made with the key: the key is revoked from then on.</summary>
    public void Revoke(string fingerprint)
    {
        var certificate = File.ReadAllText(Path.Combine(_gpg.Home, "openpgp-revocs.d", fingerprint + ".rev"));
        // GnuPG writes it with a leading ':' so that it is not imported by accident.
        var file = _gpg.WriteFile(fingerprint + ".rev.asc", certificate.Replace(":-----BEGIN", "-----BEGIN", StringComparison.Ordinal));
        Run("--import", file);
    }

    /// <summary>What GnuPG decrypts <paramref name="message"/> to with the secret keys it holds.</summary>
    public string Decrypt(byte[] message)
    {
        var input = _gpg.WriteFile($"message-{Guid.NewGuid():N}.gpg", message);
        return Read(["--pinentry-mode", "loopback", "--passphrase", "", "--decrypt", input]);
    }

    /// <summary>An armored signature over <paramref name="text"/> (detached) or a signed message: OpenPGP blocks that are not keys.</summary>
    public string Sign(string fingerprint, string text, bool detached)
    {
        var input = _gpg.WriteFile($"text-{Guid.NewGuid():N}.txt", text);
        return Read(["--pinentry-mode", "loopback", "--passphrase", "", "--local-user", fingerprint, "--armor", detached ? "--detach-sign" : "--sign", input]);
    }

    public void Dispose() => _gpg.Dispose();

    private string Read(string[] arguments) => System.Text.Encoding.UTF8.GetString(ReadBytes(arguments));

    private byte[] ReadBytes(string[] arguments)
    {
        var output = Path.Combine(_gpg.Home, $"out-{Guid.NewGuid():N}");
        Run(["--output", output, .. arguments]);
        return File.ReadAllBytes(output);
    }

    private string Run(params string[] arguments)
    {
        var (exit, output) = _gpg.Run(arguments);
        if (exit != 0) throw new InvalidOperationException($"gpg {string.Join(' ', arguments)} failed ({exit}): {output}");
        return output;
    }

    private static string Created(string status) => KeyCreated().Match(status) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("gpg made no key: " + status);

    [GeneratedRegex(@"KEY_CREATED [BP] ([0-9A-F]{40})")]
    private static partial Regex KeyCreated();
}
