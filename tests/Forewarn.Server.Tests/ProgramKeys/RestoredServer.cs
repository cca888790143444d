using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Forewarn.Server.Tests.ProgramKeys;

/// <summary>A server started on a data directory an operator prepared (a restored backup), listening on a loopback port for the CLI.</summary>
public sealed class RestoredServer(string dataDirectory, FakeTimeProvider clock) : WebApplicationFactory<Program>
{
    public string Address { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", dataDirectory);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        });
    }

    public RestoredServer Listen()
    {
        UseKestrel(0);
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)));
        Address = address.GetLeftPart(UriPartial.Authority);
        return this;
    }
}
