using Forewarn.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Forewarn.Browser.Tests;

/// <summary>
/// The real server on a loopback port, and Debian's Chromium driven by Playwright
/// (<c>FOREWARN_CHROMIUM</c> overrides the path; the default is /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public ForewarnFactory Server { get; } = new();
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// The same server by the name <c>localhost</c>: WebAuthn's relying party is a host name, never
    /// an IP address, so passkey tests use this (Chromium maps the name to the IPv4 loopback the server listens on).
    /// </summary>
    public string LocalhostUrl => BaseUrl.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal);
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        Server.StartServer();
        var addresses = Server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');

        var chromium = BrowserFactAttribute.ChromiumPath;
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium is not at {chromium}: install Debian's chromium package (apt-get install chromium) or set FOREWARN_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP localhost 127.0.0.1"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
