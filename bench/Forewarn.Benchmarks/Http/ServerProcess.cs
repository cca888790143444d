using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Forewarn.Benchmarks.Http;

/// <summary>
/// The real Forewarn server, run from its Release build as a separate process on a free loopback
/// port with a scratch data directory. Disposing stops it by its process id.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private readonly bool ownsData;

    private ServerProcess(Process process, Uri baseAddress, string dataDirectory, bool ownsData)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        this.ownsData = ownsData;
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public int Id => process.Id;

    /// <summary>CPU time the server has used so far, all threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static string DllPath(string repoRoot) =>
        Path.Combine(repoRoot, "src", "Forewarn.Server", "bin", "Release", "net10.0", "Forewarn.Server.dll");

    /// <summary>Builds the server in Release; retries because other builds may hold the same files.</summary>
    public static async Task BuildAsync(string repoRoot, CancellationToken ct)
    {
        var project = Path.Combine(repoRoot, "src", "Forewarn.Server", "Forewarn.Server.csproj");
        for (var attempt = 1; ; attempt++)
        {
            Console.WriteLine($"Building the server in Release (attempt {attempt})…");
            var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = build.StandardOutput.ReadToEndAsync(ct);
            var errors = build.StandardError.ReadToEndAsync(ct);
            await build.WaitForExitAsync(ct);
            if (build.ExitCode == 0) return;
            if (attempt == 3)
                throw new InvalidOperationException($"The server build failed:\n{await output}\n{await errors}");
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
        }
    }

    /// <summary>
    /// Starts the server and waits until GET /health answers 200. With <paramref name="sharedData"/>
    /// it runs on another server's data directory (a second server of the same programme: same
    /// SQLite file or same master key), which it then leaves in place.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dll, string? postgresConnectionString, CancellationToken ct, string? sharedData = null,
        IReadOnlyList<string>? extraArgs = null)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"No server build at {dll}; run without --no-build.");
        var data = sharedData ?? Directory.CreateTempSubdirectory("forewarn-bench-").FullName;
        var port = FreeLoopbackPort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [dll, "--data", data, "--urls", url.ToString().TrimEnd('/'), .. extraArgs ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The content root is the working directory: run from the build folder so appsettings.json
            // (log levels) applies as in a deployment; elsewhere every SQL command is logged to the console.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        // The server reads FOREWARN_* from the environment: only what this run chooses may reach it.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("FOREWARN_", StringComparison.OrdinalIgnoreCase)
                                                              || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (postgresConnectionString is not null) info.Environment[LoadOptions.PostgresVariable] = postgresConnectionString;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        var server = new ServerProcess(process, url, data, ownsData: sharedData is null);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(180), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string RecentOutput()
    {
        lock (lastLines) return string.Join(Environment.NewLine, lastLines);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            while (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan limit, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{RecentOutput()}");
            try
            {
                using var response = await client.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow first answer while migrations run.
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"The server did not become healthy within {limit.TotalSeconds:0} s:\n{RecentOutput()}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the process this instance started (by its id) and removes the scratch data.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                Console.WriteLine($"Stopping the server (process {process.Id}).");
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"The server (process {process.Id}) did not stop within 15 s.");
        }
        process.Dispose();
        if (!ownsData) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch directory left in the temp folder is harmless.
        }
    }
}
