extern alias server;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>
/// The real server, in this process, on a store of its own: a data directory (its SQLite file) or a
/// PostgreSQL database. With <c>unlogged</c> its <see cref="ILogAppender"/> is replaced by
/// <see cref="NoLogAppender"/> — only here, in the benchmark's host, to measure what logging costs.
/// Logging is kept to warnings so the console does not become the bottleneck.
/// </summary>
internal sealed class LogHost(string dataDirectory, string? postgres, bool demo, bool unlogged) : WebApplicationFactory<server::Program>
{
    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", dataDirectory);
        builder.UseSetting("database", postgres ?? ""); // not FOREWARN_DATABASE from the environment on an SQLite run
        builder.UseSetting("demo", demo ? "true" : "false");
        builder.UseEnvironment("Production");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (unlogged)
            builder.ConfigureServices(s =>
            {
                s.RemoveAll<ILogAppender>();
                s.AddSingleton<ILogAppender, NoLogAppender>();
            });
    }

    /// <summary>A fresh data directory under the temporary folder.</summary>
    public static string FreshDirectory(string what)
    {
        var path = Path.Combine(Path.GetTempPath(), "forewarn-logbench", $"{what}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
