using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Signals;

/// <summary>
/// A real server on Kestrel, and clients whose connections really come from a chosen loopback
/// address: Linux routes all of 127.0.0.0/8 to the loopback interface, so a socket bound to
/// 127.0.0.2 (or 127.0.1.5) before it connects reaches the server from that address — what the
/// server records is what the kernel says, nothing a header could claim.
/// </summary>
internal sealed class SourceServer : IAsyncDisposable
{
    public ForewarnFactory Factory { get; } = new();
    public Uri Address { get; }
    public DemoCredentials Credentials { get; }

    /// <param name="configure">Settings or files to give the server before it starts (the factory's data directory exists by then).</param>
    public SourceServer(Action<ForewarnFactory>? configure = null)
    {
        configure?.Invoke(Factory);
        Factory.UseKestrel(0);
        Factory.StartServer();
        Address = new Uri(Assert.Single(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses));
        Credentials = DemoCredentials.ReadAsync(Path.Combine(Factory.DataDirectory, "demo-credentials.json"), CancellationToken.None)
            .GetAwaiter().GetResult()!;
    }

    public DemoPartnerKey Partner(string namePrefix) => Credentials.Partners.First(p => p.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    /// <summary>A client with <paramref name="key"/> whose every connection comes from <paramref name="source"/> (e.g. 127.0.0.2).</summary>
    public HttpClient From(string source, string key) => BoundClient(Address, source, key);

    /// <summary>A client of the server at <paramref name="server"/> with <paramref name="key"/>, connecting from <paramref name="source"/>.</summary>
    public static HttpClient BoundClient(Uri server, string source, string key)
    {
        var bind = IPAddress.Parse(source);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(bind, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A staff client from 127.0.0.1.</summary>
    public HttpClient Staff() => From("127.0.0.1", Credentials.Staff.ApiKey);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
