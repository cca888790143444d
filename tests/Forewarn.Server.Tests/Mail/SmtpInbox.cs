using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Forewarn.Server.Tests.Mail;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer library: the whole SMTP conversation,
/// nothing of the sender faked), keeping every message it accepts, parsed, with the envelope's
/// recipients. It can be started late and stopped, so a test can have the server down first.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> messages = new();
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? stop;
    private Task? running;

    public sealed record Received(IReadOnlyList<string> Recipients, MimeMessage Message, byte[] Raw);

    private SmtpInbox(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<Received> Messages => [.. messages];

    /// <summary>A free loopback port, and (unless <paramref name="listening"/> is false) a server on it.</summary>
    public static async Task<SmtpInbox> StartAsync(bool listening = true)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var inbox = new SmtpInbox(port);
        if (listening) await inbox.ListenAsync();
        return inbox;
    }

    public async Task ListenAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("inbox.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        stop = new CancellationTokenSource();
        running = server.StartAsync(stop.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"The SMTP server did not listen on port {Port}.");
    }

    public async Task StopAsync()
    {
        if (server is null) return;
        await stop!.CancelAsync();
        try { await running!; } catch (OperationCanceledException) { }
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop?.Dispose();
    }

    private sealed class Store(SmtpInbox inbox) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            var message = MimeMessage.Load(new MemoryStream(raw), cancellationToken);
            inbox.messages.Enqueue(new Received([.. transaction.To.Select(t => $"{t.User}@{t.Host}")], message, raw));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
