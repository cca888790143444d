using System.Diagnostics;

namespace Forewarn.Tests.Shared;

/// <summary>Runs GnuPG in a throw-away home directory, so no user keyring is read or changed.</summary>
internal sealed class GnuPg : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("forewarn-gnupg-").FullName;

    public static string? Path { get; } = Find();

    public string Home => _home;

    public (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? "gpg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--homedir", _home, "--batch", "--no-tty", "--status-fd", "1", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteFile(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(_home, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        StopAgent();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // Importing a public key can start a gpg-agent for this home; it must not outlive the test.
    private void StopAgent()
    {
        var gpgconf = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path ?? "") ?? "", "gpgconf");
        if (!File.Exists(gpgconf))
        {
            return;
        }
        var start = new ProcessStartInfo(gpgconf) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in (string[])["--homedir", _home, "--kill", "all"])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    private static string? Find()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator);
        return folders.Select(f => System.IO.Path.Combine(f, "gpg")).FirstOrDefault(File.Exists);
    }
}
