using System.Diagnostics;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>
/// The built server (Forewarn.Server.dll, copied next to the tests) run as its own process on the
/// store of a test server, so tests can run several and kill one with SIGKILL.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    private ServerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public static ServerProcess Start(ForewarnFactory first, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Forewarn.Server.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(first.DataDirectory);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FOREWARN_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        if (first.PostgresConnectionString is { } pg) start.Environment["FOREWARN_DATABASE"] = pg;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment["FOREWARN_" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server.output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server.output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public string Output => string.Join('\n', output.TakeLast(40));

    /// <summary>Where the server listens, read from its start banner once it has printed it (it binds port 0).</summary>
    public Uri? Address
    {
        get
        {
            const string banner = "Forewarn is running at ";
            var line = output.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(banner, StringComparison.Ordinal));
            return line is null ? null : new Uri(line[banner.Length..]);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, in-flight work simply stops.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        KillHard();
        process.Dispose();
        await Task.CompletedTask;
    }
}
