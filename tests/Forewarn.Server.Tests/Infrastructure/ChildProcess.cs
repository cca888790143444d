using System.Diagnostics;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>Runs a real program to its end and gives back its exit code and output; killed (with a timeout error) if it runs too long.</summary>
internal static class ChildProcess
{
    public sealed record Finished(int Exit, string Stdout, string Stderr)
    {
        public string Output => Stdout.Trim() + Stderr.Trim();
    }

    /// <summary>
    /// Starts <paramref name="file"/> with <paramref name="args"/>, without the caller's FOREWARN_* variables
    /// and with <paramref name="environment"/> instead, and waits at most <paramref name="timeout"/> (default 60 s).
    /// </summary>
    public static async Task<Finished> RunAsync(string file, IEnumerable<string> args, IEnumerable<KeyValuePair<string, string?>>? environment = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FOREWARN_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time: {await stdout}{await stderr}");
        }
        return new Finished(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The independent RFC 9162 client (tlog_check.py) against a server, checking <paramref name="pairs"/> random proofs.</summary>
    public static async Task<(int Exit, string Output)> TlogCheckAsync(string address, int pairs)
    {
        var done = await RunAsync("python3",
            [Path.Combine(AppContext.BaseDirectory, "Transparency", "tlog_check.py"), address, pairs.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            timeout: TimeSpan.FromMinutes(5));
        return (done.Exit, done.Output);
    }
}
