using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// GnuPG in a temporary home of its own: the independent OpenPGP implementation a recipient would
/// use. It makes a person's key pair (the public half goes to the server, as the person would give
/// it) and decrypts what the server sent them.
/// </summary>
public sealed class GnuPg : IAsyncDisposable
{
    // Short: gpg-agent's socket lives in the home, and a socket's path has a small limit.
    private readonly string home = Path.Combine("/tmp", "fwgpg-" + Guid.NewGuid().ToString("N")[..10]);

    public GnuPg()
    {
        Directory.CreateDirectory(home);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private Task<ChildProcess.Finished> RunAsync(params string[] args) =>
        ChildProcess.RunAsync("gpg", ["--batch", "--yes", "--homedir", home, "--pinentry-mode", "loopback", "--passphrase", "", .. args],
            [new("GNUPGHOME", home)], TimeSpan.FromSeconds(120));

    /// <summary>A new key pair for <paramref name="email"/> (a signing primary key and an encryption subkey); returns the public key, armoured.</summary>
    public async Task<(string PublicKey, string Fingerprint)> NewKeyAsync(string email)
    {
        var made = await RunAsync("--quick-gen-key", $"Partner Person <{email}>", "future-default", "default", "never");
        Assert.True(made.Exit == 0, made.Output);
        var listed = await RunAsync("--with-colons", "--list-keys", email);
        var fingerprint = listed.Stdout.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        var exported = await RunAsync("--armor", "--export", email);
        Assert.True(exported.Exit == 0 && exported.Stdout.Contains("BEGIN PGP PUBLIC KEY BLOCK", StringComparison.Ordinal), exported.Output);
        return (exported.Stdout, fingerprint);
    }

    /// <summary>Decrypts an OpenPGP message (armoured or binary) with the keys of this home.</summary>
    public async Task<byte[]> DecryptAsync(byte[] encrypted)
    {
        var input = Path.Combine(home, Guid.NewGuid().ToString("N") + ".asc");
        var output = input + ".out";
        await File.WriteAllBytesAsync(input, encrypted);
        var done = await RunAsync("--output", output, "--decrypt", input);
        Assert.True(done.Exit == 0, done.Output);
        return await File.ReadAllBytesAsync(output);
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.RunAsync("gpgconf", ["--homedir", home, "--kill", "all"], [new("GNUPGHOME", home)]);
        ForewarnFactory.DeleteDirectory(home);
    }
}
