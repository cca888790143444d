using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>Another server on the same data directory or database as <paramref name="first"/>, sharing its clock.</summary>
public sealed class SecondServer(ForewarnFactory first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", first.DataDirectory);
        if (first.PostgresConnectionString is not null) builder.UseSetting("database", first.PostgresConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(first.Clock);
        });
    }

    /// <summary>Extra configuration for this server, set before it starts; it starts with the first server's four-eyes settings.</summary>
    public Dictionary<string, string> Settings { get; } =
        first.Settings.Where(s => s.Key.StartsWith("approvals:", StringComparison.Ordinal)).ToDictionary();

    public HttpClient WithKey(string key)
    {
        var c = CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return c;
    }
}
