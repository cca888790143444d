using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Forewarn.Cli;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Cli;

/// <summary>The outcome of one <c>forewarn</c> run.</summary>
public sealed record CliResult(int Exit, string Out, string Err)
{
    /// <summary>Asserts exit 0 and returns stdout; on failure the message shows both streams.</summary>
    public string Ok()
    {
        Assert.True(Exit == 0, $"Expected exit 0, got {Exit}.\nstdout:\n{Out}\nstderr:\n{Err}");
        return Out;
    }

    /// <summary>Asserts the exit code and returns stderr.</summary>
    public string Failed(int exit)
    {
        Assert.True(Exit == exit, $"Expected exit {exit}, got {Exit}.\nstdout:\n{Out}\nstderr:\n{Err}");
        Assert.DoesNotContain("   at ", Err, StringComparison.Ordinal); // never a stack trace
        return Err;
    }

    public JsonNode Json() => JsonNode.Parse(Ok())!;
}

/// <summary>
/// One real Forewarn server per test class, listening on a free loopback port through Kestrel,
/// and the <c>forewarn</c> command line run in-process against it over real HTTP (no handler).
/// </summary>
public sealed class CliServer : IAsyncLifetime
{
    public CliServer() : this(fourEyes: false)
    {
    }

    /// <param name="fourEyes">Whether the gated actions need a second staff member's approval (off for the other CLI tests).</param>
    internal CliServer(bool fourEyes)
    {
        if (fourEyes) FourEyes.On(Factory.Settings);
    }

    public ForewarnFactory Factory { get; } = new();

    public string SecondStaffKey => Credentials.SecondStaff!.ApiKey;

    /// <summary>The server's root, e.g. http://127.0.0.1:40175.</summary>
    public string Address { get; private set; } = "";

    /// <summary>
    /// The demo's keys. Read here rather than through <see cref="ForewarnFactory.Credentials"/>, which touches
    /// <c>Server</c> (the TestServer) and so throws once the factory runs on Kestrel.
    /// </summary>
    public DemoCredentials Credentials { get; private set; } = null!;

    public string StaffKey => Credentials.Staff.ApiKey;

    public string PartnerKey(string namePrefix) => Partner(namePrefix).ApiKey;

    public string PartnerId(string namePrefix) => Partner(namePrefix).Id.ToString();

    public DemoPartnerKey Partner(string namePrefix) =>
        Credentials.Partners.First(p => p.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(Assert.Single(addresses));
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)), $"The test server must listen on loopback only, not {address}.");
        Assert.NotEqual(0, address.Port);
        Assert.Equal(address, Factory.ClientOptions.BaseAddress);
        Address = address.GetLeftPart(UriPartial.Authority);
        Credentials = await DemoCredentials.ReadAsync(Path.Combine(Factory.DataDirectory, "demo-credentials.json"), CancellationToken.None)
                      ?? throw new InvalidOperationException("The demo did not write its credentials.");
    }

    /// <summary>Runs <c>forewarn ARGS</c> with FOREWARN_SERVER pointing at this server and FOREWARN_API_KEY = <paramref name="key"/>.</summary>
    public Task<CliResult> Run(string? key, params string[] args) =>
        RunWith(new Dictionary<string, string?> { [CliContext.ServerVariable] = Address, [CliContext.KeyVariable] = key }, args);

    /// <summary>Runs <c>forewarn ARGS</c> with exactly this environment.</summary>
    public static async Task<CliResult> RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var exit = await CliApp.RunAsync(args, stdout, stderr, environment, handler: null, timeout.Token);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A staff client over the same real HTTP listener, to check what the CLI left behind.</summary>
    public HttpClient Staff() => WithKey(StaffKey);

    public HttpClient WithKey(string key)
    {
        var client = Factory.CreateClient(); // a real HttpClient to the Kestrel address
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
